package corelab.harness.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Comparisons;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.Errors;
import corelab.results.GeneratorUsage;
import corelab.results.Latency;
import corelab.results.ResourceBucket;
import corelab.results.ResourceSummary;
import corelab.results.ResourceUse;
import corelab.results.ServerUsage;
import corelab.results.Summary;
import corelab.results.TrialResult;
import corelab.results.Verdict;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notes column of the console's summary, and what it says under the table. */
class ConsoleTableTest {
    @Test
    void aConfigurationWhoseServerRefusedConnectionsHasANote() {
        String table = ConsoleTable.render(List.of(configuration("platform/c64", 3, 4),
                configuration("single/c64", 0, 0)), List.of());
        String platform = line(table, "platform/c64");
        assertTrue(platform.contains("the server refused 7 connections (maxConnections were open)"), platform);
        assertFalse(line(table, "single/c64").contains("refused"), table);
    }

    /** The percentile columns are means over trials, and the table says so, since one slow trial hides in a mean. */
    @Test
    void thePercentileColumnsSayTheyAreMeansOfTrials() {
        String table = ConsoleTable.render(List.of(configuration("single/c64", 0, 0)), List.of());
        assertTrue(table.contains("p50 ms, p99 ms: the mean over trials of each trial's percentile"), table);
    }

    /** The three buckets side by side, "-" where a bucket is not there, and a line that says what they are. */
    @Test
    void eachRequestsCpuIsShownInItsThreeBuckets() {
        ConfigurationResult plain = configuration("single/c64", 0, 0, 0);
        List<TrialResult> trials = plain.trials().stream().map(t -> t.withResources(new ResourceUse(
                ResourceBucket.of(0.31, 1000, 300_000_000L, 200_000_000L), null, ResourceBucket.of(0.12, 1000, null, null),
                Map.of("downstream", "none", "generator.memory", "harness")))).toList();
        Summary s = plain.summary();
        Summary summary = new Summary(s.throughputPerSecond(), s.throughputPerCore(), s.requestsPerCpuSecond(),
                s.p50Micros(), s.p99Micros(), s.p999Micros(), s.uncorrectedP99Micros(), s.serverCpuCores(),
                s.serverRssBytes(), s.generatorUtilization(), 0, ResourceSummary.of(trials));
        ConfigurationResult measured = new ConfigurationResult(plain.configuration(), plain.verdict(), 1, null,
                summary, trials, null);
        String table = ConsoleTable.render(List.of(measured), List.of());
        assertTrue(line(table, "single/c64").contains(" 310/-/120 "), table);
        assertTrue(line(table, "single/c64").contains(" 200 "), "PSS in MB: " + table);
        assertTrue(table.contains("µs/req s/d/g: CPU per request of the server's tree"), table);
        assertFalse(ConsoleTable.render(List.of(plain), List.of()).contains("µs/req s/d/g: CPU"),
                "no buckets measured, nothing to explain");
    }

    @Test
    void helloOnSharedCpusIsComparedByCpuPerRequestEvenWhenTheGeneratorSaturated() {
        Verdict saturated = Verdict.of(List.of(Verdict.GENERATOR_SATURATED + " in trial 1 (96% of its CPU, limit 90%)"));
        List<ConfigurationResult> run = List.of(
                configuration("single/c64", saturated, new double[] {140_000, 138_000, 139_000}, 0, 0, 0),
                configuration("virtual/c64", saturated, new double[] {70_000, 71_000, 72_000}, 0, 0, 0));
        String table = ConsoleTable.render(run, Comparisons.of(run, 5.0, true));
        assertTrue(table.contains("on hello, modes are compared by server CPU per request, not throughput: "
                + Comparisons.CPU_PER_REQUEST_WHY + "; but " + Comparisons.CPU_PER_REQUEST_CAVEAT), table);
        assertTrue(table.contains("by server CPU per request (not throughput), single is 48.9% cheaper than virtual"),
                table);
        assertFalse(table.contains("compared with nothing"), table);
    }

    private static String line(String table, String id) {
        return table.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow(() -> new AssertionError(table));
    }

    private static ConfigurationResult configuration(String id, long... refusedPerTrial) {
        return configuration(id, Verdict.VALID, new double[refusedPerTrial.length], refusedPerTrial);
    }

    /** Requests per server CPU-second by trial (0: 1000), and connections refused. */
    private static ConfigurationResult configuration(String id, Verdict verdict, double[] requestsPerCpuSecond,
                                                     long... refusedPerTrial) {
        List<TrialResult> trials = new ArrayList<>();
        for (long refused : refusedPerTrial) {
            double perCpuSecond = requestsPerCpuSecond[trials.size()] > 0 ? requestsPerCpuSecond[trials.size()] : 1000;
            ServerUsage server = new ServerUsage(2, 1, 1, perCpuSecond, 1, 1, refused, List.of(), 1, -1);
            Latency latency = new Latency(1000, 1, 1, 1, 1, 1, 1);
            trials.add(new TrialResult(trials.size() + 1, 1, 1000, 1000, 0, new Errors(0, 0, 0, 0), 1000, latency, null,
                    server, new GeneratorUsage(1, 0.1, 0.1, 1, 1000, 1000, Double.NaN), List.of(), "", null,
                    Double.NaN, null));
        }
        Summary summary = new Summary(Estimate.of(1000, 1000), Estimate.of(500, 500), Estimate.of(1000, 1000),
                Estimate.of(1, 1), Estimate.of(1, 1), Estimate.of(1, 1), Estimate.of(), Estimate.of(1, 1),
                Estimate.of(1, 1), Estimate.of(0.1, 0.1), 0);
        return new ConfigurationResult(new Configuration(id, id.substring(0, id.indexOf('/')), "hello", "closed", 64, null, null, null, null,
                null, null, 2, "pid=1", List.of()), verdict, 1, null, summary, trials, null);
    }
}
