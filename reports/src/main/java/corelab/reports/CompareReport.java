package corelab.reports;

import corelab.results.AtomicFiles;
import corelab.results.ResultsFolder;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunComparison;
import corelab.results.RunResult;
import corelab.results.stats.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code -Dcompare=<run>,<run>}: two saved runs side by side, configuration by configuration, with the statistics
 * a run uses within itself ({@link RunComparison}). The page goes into a new folder under the results directory,
 * never beside the runs it reads, and is drawn only from their results.json files.
 */
public final class CompareReport {
    public static final String FILE_NAME = "compare.html";

    /** The page written, and what it says. */
    public record Rendered(Path page, RunComparison comparison) {
        /** A few lines for the console: how many of each outcome, then every sentence. */
        public List<String> summary() {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            comparison.comparisons().forEach(c -> counts.merge(c.comparison().outcome(), 1L, Long::sum));
            List<String> lines = new ArrayList<>();
            lines.add(comparison.other() + " against " + comparison.baseline() + " (the baseline): "
                    + comparison.comparisons().size() + " configuration(s) compared: " + counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().words()).collect(Collectors.joining(", "))
                    + (comparison.notCompared().isEmpty() ? ""
                    : "; " + comparison.notCompared().size() + " not compared (the page says why)"));
            comparison.comparisons().forEach(c -> lines.add("  " + c.sentence()));
            return lines;
        }
    }

    private CompareReport() {
    }

    /**
     * A run named on the command line: a results folder, or a run id under {@code resultsDir}.
     *
     * @throws ResultsFormatException neither exists
     */
    public static Path locate(String run, Path resultsDir) throws ResultsFormatException {
        Path given = Path.of(run);
        for (Path candidate : List.of(given, resultsDir.resolve(run))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new ResultsFormatException("no run '" + run + "': neither a folder nor a run id under " + resultsDir
                + " (" + runsIn(resultsDir) + ")", null);
    }

    /**
     * Compares {@code other} against {@code baseline} and writes the page to a new folder
     * {@code resultsDir/compare-<baseline>-vs-<other>}.
     *
     * @throws ResultsFormatException   a run's results are missing or damaged
     * @throws IllegalArgumentException the runs have no configuration in common that both measured validly
     * @throws IOException              the page could not be written
     */
    public static Rendered render(Path baseline, Path other, double equivalencePercent, Path resultsDir)
            throws ResultsFormatException, IOException {
        RunResult a = Report.read(baseline.toAbsolutePath().normalize());
        RunResult b = Report.read(other.toAbsolutePath().normalize());
        RunComparison comparison = RunComparison.of(a, b, equivalencePercent);
        Path folder = ResultsFolder.createUnique(resultsDir, "compare-" + a.runId() + "-vs-" + b.runId()).path();
        Path page = folder.resolve(FILE_NAME);
        AtomicFiles.write(page, page(a, b, comparison, equivalencePercent));
        return new Rendered(page, comparison);
    }

    private static String page(RunResult a, RunResult b, RunComparison comparison, double equivalencePercent) {
        String title = "corelab: " + b.runId() + " against " + a.runId();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.text(title)).append("</title>\n<style>\n").append(PageWriter.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.text(title)).append("</h1>\n")
                .append("<p>Each configuration measured validly in both runs (the same id) is compared on the figure"
                        + " each run compares it on within itself: throughput, except on hello where the load generator"
                        + " shared the server's CPUs, where it is the server's CPU per request,"
                        + " with the statistics a run uses within itself: Welch's interval of the difference, two"
                        + " one-sided tests against the equivalence margin (").append(Html.text(Numbers.percent(equivalencePercent)))
                .append(" of the slower side), and Holm's correction over the configurations of a workload. ")
                .append(Html.text(a.runId())).append(" is the baseline of every percentage. Runs made at different"
                        + " times also differ in the machine's state: read a difference as between the runs, not"
                        + " only between code or options.</p>\n");
        facts(html, a, b);
        html.append("<h2 id=\"comparisons\">Configuration by configuration</h2>\n<div class=\"scroll\">\n");
        TableWriter.comparisonTable(html, comparison.comparisons());
        html.append("</div>\n");
        if (!comparison.notCompared().isEmpty()) {
            html.append("<h2 id=\"not-compared\">Not compared</h2>\n<ul>\n");
            comparison.notCompared().forEach((id, why) -> html.append("<li><strong>").append(Html.text(id))
                    .append("</strong>: ").append(Html.text(why)).append("</li>\n"));
            html.append("</ul>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The two runs' provenance side by side, so that a changed machine, JDK or commit is seen. */
    private static void facts(StringBuilder html, RunResult a, RunResult b) {
        html.append("<table class=\"facts\">\n<tr><th></th><th>baseline</th><th>compared</th></tr>\n");
        List<Map.Entry<String, Function<RunResult, String>>> rows = List.of(
                Map.entry("run", RunResult::runId),
                Map.entry("started", RunResult::startedAt),
                Map.entry("status", r -> r.status().name()),
                Map.entry("commit", r -> r.provenance().gitCommit()),
                Map.entry("JDK", r -> r.provenance().javaVersion()),
                Map.entry("cores", r -> Integer.toString(r.provenance().cores())),
                Map.entry("CPU", r -> r.provenance().cpuModel()),
                Map.entry("command", r -> r.provenance().command()),
                Map.entry("schema", r -> Integer.toString(r.schemaVersion())));
        for (Map.Entry<String, Function<RunResult, String>> row : rows) {
            html.append("<tr><th>").append(Html.text(row.getKey())).append("</th><td>")
                    .append(Html.text(row.getValue().apply(a))).append("</td><td>")
                    .append(Html.text(row.getValue().apply(b))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String runsIn(Path resultsDir) {
        if (!Files.isDirectory(resultsDir)) {
            return "which does not exist";
        }
        try (Stream<Path> children = Files.list(resultsDir)) {
            List<String> runs = children.filter(p -> Files.isRegularFile(p.resolve(ResultsJson.FILE_NAME)))
                    .map(p -> p.getFileName().toString()).sorted(Comparator.reverseOrder()).toList();
            return runs.isEmpty() ? "which holds no run" : "the newest there: "
                    + String.join(", ", runs.subList(0, Math.min(5, runs.size())));
        } catch (IOException e) {
            return "which cannot be listed: " + e.getMessage();
        }
    }
}
