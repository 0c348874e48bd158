package corelab.harness.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The notes column of the console's summary. */
class ConsoleTableTest {
    @Test
    void aConfigurationWhoseServerRefusedConnectionsHasANote() {
        String table = ConsoleTable.render(List.of(configuration("platform/c64", 3, 4),
                configuration("single/c64", 0, 0)), List.of());
        String platform = line(table, "platform/c64");
        assertTrue(platform.contains("the server refused 7 connections (maxConnections were open)"), platform);
        assertFalse(line(table, "single/c64").contains("refused"), table);
    }

    private static String line(String table, String id) {
        return table.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow(() -> new AssertionError(table));
    }

    private static ConfigurationResult configuration(String id, long... refusedPerTrial) {
        List<TrialResult> trials = new ArrayList<>();
        for (long refused : refusedPerTrial) {
            ServerUsage server = new ServerUsage(2, 1, 1, 1000, 1, 1, refused, List.of(), 1, -1);
            Latency latency = new Latency(1000, 1, 1, 1, 1, 1, 1);
            trials.add(new TrialResult(trials.size() + 1, 1, 1000, 1000, 0, new Errors(0, 0, 0, 0), 1000, latency, null,
                    server, new GeneratorUsage(1, 0.1, 0.1, 1, 1000, 1000, Double.NaN), List.of(), "", null,
                    Double.NaN, null));
        }
        Summary summary = new Summary(Estimate.of(1000, 1000), Estimate.of(500, 500), Estimate.of(1000, 1000),
                Estimate.of(1, 1), Estimate.of(1, 1), Estimate.of(1, 1), Estimate.of(), Estimate.of(1, 1),
                Estimate.of(1, 1), Estimate.of(0.1, 0.1), 0);
        return new ConfigurationResult(new Configuration(id, "platform", "hello", "closed", 64, null, null, null, null,
                null, null, 2, "pid=1", List.of()), Verdict.VALID, 1, null, summary, trials, null);
    }
}
