package corelab.harness.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Comparisons;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.Errors;
import corelab.results.GeneratorUsage;
import corelab.results.Latency;
import corelab.results.ServerUsage;
import corelab.results.Summary;
import corelab.results.TrialResult;
import corelab.results.Verdict;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
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
