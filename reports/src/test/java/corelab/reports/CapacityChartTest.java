package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Capacities;
import corelab.results.ConfigurationResult;
import corelab.results.ResultsFolder;
import corelab.results.RunResult;
import corelab.results.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity section: a chart per workload with the target and each mode's capacity, and the table. */
class CapacityChartTest {
    private static final double TARGET_MILLIS = 10;

    @Test
    void eachWorkloadGetsAChartWithTheTargetAndEveryModesCapacity() {
        RunView view = new RunView(withCapacity(Fixtures.openRun()));
        Section section = CapacityChart.section(view);
        assertEquals(List.of("p99 against offered rate: hello (target 10 ms)",
                "p99 against offered rate: io (target 10 ms)"), section.figures().stream().map(Figure::title).toList());
        String hello = section.figures().get(0).caption();
        // hello's p99 is about a millisecond at every rate: both modes sustain the whole sweep.
        assertTrue(hello.contains("single: at least 2000/s (all of the swept rates: raise the sweep)"), hello);
        // single's 1000/s is INVALID here: it never counts, whatever its p99.
        String io = section.figures().get(1).caption();
        assertTrue(io.contains("single: below 500/s (none of the swept rates)"), io);
        assertTrue(section.notes().get(0).contains("every trial's p99"), section.notes().toString());

        StringBuilder html = new StringBuilder();
        CapacityChart.table(html, view);
        assertTrue(html.toString().contains("not sustained: it was INVALID (" + Fixtures.SATURATED + ")"), html.toString());
        assertEquals(4, html.toString().split("<tr><td>").length - 1, "one row per mode and workload");
    }

    @Test
    void aRunWithoutATargetSaysHowToAskForOne() {
        Section section = CapacityChart.section(new RunView(Fixtures.openRun()));
        assertTrue(section.figures().isEmpty());
        assertTrue(section.notes().get(0).contains("-Dp99TargetMillis=10"), section.notes().toString());
    }

    @Test
    void theReportDrawsTheChartAndTheTable(@TempDir Path results) throws Exception {
        RunResult run = withCapacity(Fixtures.openRun());
        Path folder = results.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("<h2 id=\"" + Html.anchor(CapacityChart.HEADING) + "\">"), "the section");
        assertTrue(html.contains("<strong>p99 against offered rate: io (target 10 ms).</strong>"), "the chart");
        assertTrue(html.contains("<table class=\"capacity\">"), "the table");
        assertTrue(!html.contains("could not be drawn"), "every chart drawn");
    }

    /** The open run with single's io at 1000/s INVALID, and the capacity at the target computed from it. */
    private static RunResult withCapacity(RunResult run) {
        List<ConfigurationResult> configurations = run.configurations().stream()
                .map(c -> c.configuration().id().equals("single/cores2/io/open/c64/rate1000")
                        ? new ConfigurationResult(c.configuration(), Verdict.of(List.of(Fixtures.SATURATED)),
                                c.warmupSeconds(), c.counterCheck(), c.summary(), c.trials(), c.fault())
                        : c)
                .toList();
        return new RunResult(run.schemaVersion(), run.runId(), run.status(), run.failure(), run.startedAt(),
                run.endedAt(), run.provenance(), run.options(), run.schedule(), run.calibration(), configurations,
                run.comparisons(), Capacities.of(configurations, TARGET_MILLIS));
    }
}
