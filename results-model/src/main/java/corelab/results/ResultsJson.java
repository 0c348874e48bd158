package corelab.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corelab.results.stats.ComparisonFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code results.json}: the machine-readable contract between a run, its reports and the
 * notebooks. Numbers are written the same under every locale; a figure that does not
 * exist (a confidence interval from two trials) is written as {@code null} ({@link MissingNumbers}).
 */
public final class ResultsJson {
    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A newer corelab may add fields within the same schema version; old readers skip them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(ConfigurationJson.module())
            .addModule(MissingNumbers.module())
            .build();

    private ResultsJson() {
    }

    public static String toJson(RunResult run) {
        try {
            return MAPPER.writeValueAsString(run) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write results as JSON", e);
        }
    }

    public static RunResult fromJson(String json, String source) throws ResultsFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(source + " is damaged (not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ")", e);
        }
        if (tree == null || !tree.isObject() || !tree.path("schemaVersion").isInt()) {
            throw new ResultsFormatException(source + " is not a corelab results file (no schemaVersion)", null);
        }
        int version = tree.get("schemaVersion").asInt();
        if (version > RunResult.SCHEMA_VERSION) {
            throw new ResultsFormatException(source + " was written with results schema " + version
                    + "; this corelab reads schema " + RunResult.SCHEMA_VERSION + " and older: update corelab", null);
        }
        if (version < RunResult.FIRST_VERSION_WITH_EQUIVALENCE) {
            // Version 1 saved uncorrected Welch verdicts ("tied" when not significant). The trials are all in
            // the file, so the comparisons are made again, with today's statistics, rather than rendered as
            // claims the data never supported.
            ((ObjectNode) tree).putArray("comparisons");
            // Nothing else ran during a schema-1 trial; what the other servers used, and PSS, were not measured.
            tree.path("configurations").forEach(c -> c.path("trials").forEach(t -> {
                if (t instanceof ObjectNode trial) {
                    trial.put("otherServersCpuCores", Double.NaN);
                    if (trial.get("generator") instanceof ObjectNode generator) {
                        generator.put("runQueueWaitShare", Double.NaN);
                    }
                    if (trial.get("server") instanceof ObjectNode server) {
                        server.put("rssBytesAtEnd", -1L);
                        server.put("pssBytesAtEnd", -1L);
                    }
                }
            }));
        }
        try {
            RunResult run = MAPPER.treeToValue(tree, RunResult.class);
            return version < RunResult.FIRST_VERSION_WITH_EQUIVALENCE ? recompared(run) : run;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ResultsFormatException(source + " is damaged: " + message, e);
        }
    }

    private static RunResult recompared(RunResult run) {
        double margin = ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT;
        return new RunResult(run.schemaVersion(), run.runId(), run.status(), run.failure(), run.startedAt(),
                run.endedAt(), run.provenance(), run.options(), run.schedule(), run.calibration(),
                run.configurations(),
                Comparisons.of(run.configurations(), margin), run.capacity());
    }

    public static RunResult read(Path folderOrFile) throws ResultsFormatException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE_NAME) : folderOrFile;
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException("no results at " + file + " (is it a corelab results folder?)", e);
        } catch (IOException e) {
            throw new ResultsFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
