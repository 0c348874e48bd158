package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.ResultsFolder;
import corelab.results.RunResult;
import corelab.results.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connections one by one: a few silent for long under an unfair scheduler, none under a fair one. */
class ConnectionsChartTest {
    @Test
    void theReportShowsEachModesLongestSilenceAndItsSharesAgainstTheFairShare(@TempDir Path results) throws Exception {
        Path folder = results.resolve("run");
        new ResultsFolder(folder).save(withConnections(Fixtures.closedRun()));
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("<h2 id=\"" + Html.anchor(ConnectionsChart.HEADING) + "\">"), "the section is there");
        assertTrue(html.contains("<img alt=\"Connections: cpu"), "with a chart for cpu");
        // virtual: two connections of 64 served again and again, the others silent 900 ms; platform: fair
        assertTrue(html.contains("virtual: longest silence 900 ms, median connection&#39;s 900 ms; shares from 0.39"
                + " to 19.83 times the fair share"), html);
        assertTrue(html.contains("platform: longest silence 34 ms, median connection&#39;s 34 ms; shares from 1.00 to"
                + " 1.00 times the fair share"), html);
        assertTrue(!html.contains("<img alt=\"Connections: io"), "io's trials recorded no connections");
    }

    @Test
    void aRunWithoutConnectionsSaysWhyTheSectionIsEmpty(@TempDir Path results) throws Exception {
        Path folder = results.resolve("run");
        new ResultsFolder(folder).save(Fixtures.closedRun());
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("No trial of this run recorded its connections one by one"), "the absent section says why");
    }

    /** The cpu configurations at 64 connections with connections recorded: virtual unfair, platform fair. */
    private static RunResult withConnections(RunResult run) {
        List<ConfigurationResult> configurations = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            String id = c.configuration().id();
            boolean cpu64 = id.contains("/cores2/cpu/") && id.endsWith("/c64");
            String mode = c.configuration().mode();
            if (cpu64 && (mode.equals("virtual") || mode.equals("platform"))) {
                List<TrialResult> trials = c.trials().stream()
                        .map(t -> t.withConnections(connections(mode.equals("virtual")))).toList();
                c = new ConfigurationResult(c.configuration(), c.verdict(), c.warmupSeconds(), c.counterCheck(),
                        c.summary(), trials, c.fault(), c.profile());
            }
            configurations.add(c);
        }
        return new RunResult(run.schemaVersion(), run.runId(), run.status(), run.failure(), run.startedAt(),
                run.endedAt(), run.provenance(), run.options(), run.schedule(), run.calibration(), configurations,
                run.comparisons(), run.capacity());
    }

    /** 64 connections: unfair, two of them got most answers; fair, 100 answers each and 34 ms between them. */
    private static List<ConnectionResult> connections(boolean unfair) {
        List<ConnectionResult> connections = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            connections.add(unfair
                    ? new ConnectionResult(i, i < 2 ? 2020 : 40, i < 2 ? 30 : 900)
                    : new ConnectionResult(i, 100, 34));
        }
        return connections;
    }
}
