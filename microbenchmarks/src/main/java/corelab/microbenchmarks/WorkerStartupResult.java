package corelab.microbenchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corelab.results.stats.Estimate;
import java.util.List;

/**
 * The timed starts of {@link WorkerStartup} and the figure they give: mean ± 95% CI in
 * milliseconds (Student's t, unknown with fewer than three starts), with the command and the
 * JVM that ran it. Written as a small JSON file beside JMH's.
 *
 * @param samplesMillis each counted start, launch to ready line, in milliseconds
 * @param command       the exact command every start ran
 */
record WorkerStartupResult(List<Double> samplesMillis, List<String> command) {
    /** The file's format; raise it when a field changes meaning or disappears. */
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    WorkerStartupResult {
        samplesMillis = List.copyOf(samplesMillis);
        command = List.copyOf(command);
        for (double sample : samplesMillis) {
            if (!(sample > 0) || !Double.isFinite(sample)) {
                throw new IllegalArgumentException("a start-up time must be positive and finite, was " + sample);
            }
        }
    }

    Estimate millis() {
        return Estimate.of(samplesMillis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    String toJson() {
        Estimate millis = millis();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("what", "worker JVM start-up: launch to its corelab-ready line");
        root.put("unit", "ms");
        putOrNull(root, "mean", millis.mean());
        putOrNull(root, "halfWidth95", millis.halfWidth95());
        putOrNull(root, "standardDeviation", millis.standardDeviation());
        root.put("n", millis.n());
        samplesMillis.forEach(root.putArray("samplesMillis")::add);
        command.forEach(root.putArray("command")::add);
        root.put("jdk", Runtime.version().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serializes", e);
        }
    }

    /** JSON has no NaN: an unknown figure is null, never a made-up number. */
    private static void putOrNull(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
