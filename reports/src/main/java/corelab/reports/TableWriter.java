package corelab.reports;

import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import corelab.results.ResultsCsv;
import corelab.results.ResultsJson;
import corelab.results.Summary;
import corelab.results.stats.Comparison;
import corelab.results.stats.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every configuration's figures with their confidence intervals, every comparison, and the raw files. */
final class TableWriter {
    private static final List<String> RAW_FILES = List.of(ResultsJson.FILE_NAME, ResultsCsv.CONFIGURATIONS,
            ResultsCsv.TRIALS, ResultsCsv.INTERVALS);

    private TableWriter() {
    }

    static void configurations(StringBuilder html, RunView view) {
        html.append("<h2 id=\"figures\">Every configuration</h2>\n<p>Means over the trials with their 95% confidence"
                + " interval (&plusmn; ? when there are fewer than 3 trials, and for a fault run, which is one observation). Latency in ms; for open load, latency is"
                + " timed from when each request was due, and the uncorrected p99 from when it was sent.</p>\n");
        html.append("<div class=\"scroll\"><table class=\"figures\">\n<tr><th>configuration</th><th>load</th>"
                + "<th>cores</th><th>trials</th><th>throughput (req/s)</th><th>per core (req/s/core)</th>"
                + "<th>per CPU-second (req/CPU-s)</th><th>p50 (ms)</th><th>p99 (ms)</th><th>p99.9 (ms)</th>"
                + "<th>uncorrected p99 (ms)</th><th>PSS (MB)</th><th>RSS (MB)</th><th>server CPU (cores)</th>"
                + "<th>generator CPU (%)</th>"
                + "<th>errors</th></tr>\n");
        for (ConfigurationResult c : view.configurations()) {
            Summary s = c.summary();
            html.append(c.verdict().valid() ? "<tr>" : "<tr class=\"invalid\">")
                    .append("<td class=\"what\">").append(Html.text(c.configuration().id()))
                    .append(c.verdict().valid() ? "" : "<br><strong>INVALID</strong>: "
                            + Html.text(String.join("; ", c.verdict().invalidReasons())))
                    .append(c.refusedConnections() > 0 ? "<br>" + Html.text(c.refusalNote()) : "")
                    .append("</td>")
                    .append(cell(Comparisons.load(c))).append(cell(Integer.toString(c.configuration().coresAllowed())))
                    .append(cell(c.fault() == null ? Integer.toString(c.trials().size())
                            : "1 fault window: one observation, no CI"))
                    .append(cell(s.throughputPerSecond(), 1)).append(cell(s.throughputPerCore(), 1))
                    .append(cell(s.requestsPerCpuSecond(), 1)).append(cell(s.p50Micros(), 1e-3))
                    .append(cell(s.p99Micros(), 1e-3)).append(cell(s.p999Micros(), 1e-3))
                    .append(cell(s.uncorrectedP99Micros(), 1e-3))
                    .append(cell(s.resources() == null ? Estimate.of() : s.resources().serverPssBytes(), 1e-6))
                    .append(cell(s.serverRssBytes(), 1e-6))
                    .append(cell(s.serverCpuCores(), 1)).append(cell(s.generatorUtilization(), 100))
                    .append(cell(Numbers.percent(s.errorPercent()))).append("</tr>\n");
        }
        html.append("</table></div>\n<p class=\"note\">Req/CPU-s counts answers per second of the server's CPU: every"
                + " process of its tree, the server bucket below (with a Redis the server started, which the bucket"
                + " leaves to the downstream). Generator CPU is the percentage of its threads' time they were busy;"
                + " server CPU is in cores kept busy. PSS is the server's, less a Redis it started, at each trial's"
                + " end (? where not measured: a fault run, a file written before it); RSS is the largest seen in each"
                + " trial, shared pages counted once per process. " + ResourceTable.PSS_SENTENCE + " Shared pages are"
                + " divided with every process that maps them, the harness and the other servers kept running"
                + " included: compare PSS within a run.</p>\n");
    }

    static void comparisons(StringBuilder html, RunView view) {
        html.append("<h2 id=\"comparisons\">Every comparison</h2>\n");
        if (view.run().comparisons().isEmpty()) {
            html.append("<p>No two configurations of this run were measured under the same workload, load and cores,"
                    + " so none was compared.</p>\n");
            return;
        }
        html.append("<p>Throughput (on hello, where the load generator shared the server's CPUs, the server's CPU per"
                + " request instead) of every pair measured under the same workload, load, cores and work, compared by"
                + " Welch's t-test, with Holm's correction over all the pairs of a workload. A pair is practically the"
                + " same when the 90% interval of its difference lies inside the equivalence margin (two one-sided"
                + " tests); it ranks only when the difference is significant after the correction and larger than the"
                + " margin. \"Detectable\" is the smallest difference the run would have found with 80% power.</p>\n"
                + "<div class=\"scroll\">\n");
        comparisonTable(html, view.run().comparisons());
        html.append("</div>\n");
    }

    /** One row per comparison: its verdict in words, the p-values, the margin, what the run could detect. */
    static void comparisonTable(StringBuilder html, List<ComparisonResult> comparisons) {
        html.append("<table class=\"comparisons\">\n<tr><th>workload</th><th>load</th><th>verdict</th>"
                + "<th>p</th><th>Holm p</th><th>margin</th><th>detectable</th><th>outcome</th></tr>\n");
        for (ComparisonResult r : comparisons) {
            Comparison c = r.comparison();
            html.append("<tr>").append(cell(r.workload())).append(cell(r.load())).append(cell(r.sentence()))
                    .append(cell(Numbers.pValue(c.pValue()))).append(cell(Numbers.pValue(c.holmPValue())))
                    .append(cell(Numbers.percent(c.marginPercent()))).append(cell(Numbers.percent(c.detectablePercent())))
                    .append(cell(c.outcome().words())).append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static void rawFiles(StringBuilder html, Path folder) {
        html.append("<h2 id=\"raw\">Raw results</h2>\n<ul>\n");
        for (String name : RAW_FILES) {
            html.append("<li>");
            if (Files.isRegularFile(folder.resolve(name))) {
                html.append("<a href=\"").append(Html.pathSegment(name)).append("\">").append(Html.text(name)).append("</a>");
            } else {
                html.append(Html.text(name)).append(" (missing from this folder)");
            }
            html.append(description(name)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String description(String name) {
        return switch (name) {
            case ResultsJson.FILE_NAME -> ": everything, with full latency histograms; the report is drawn from it";
            case ResultsCsv.CONFIGURATIONS -> ": one row per configuration, the figures above";
            case ResultsCsv.TRIALS -> ": one row per trial";
            case ResultsCsv.INTERVALS -> ": one row per interval (about a second)";
            default -> "";
        };
    }

    private static String cell(String text) {
        return "<td>" + Html.text(text) + "</td>";
    }

    private static String cell(Estimate estimate, double scale) {
        return "<td class=\"num\">" + Html.text(Numbers.scaled(estimate, scale).format("")) + "</td>";
    }
}
