package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.stats.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    @Test
    void aRunComparedWithItselfIsPracticallyTheSameEverywhere() {
        RunResult run = SampleRuns.run();
        RunComparison same = RunComparison.of(run, run, 5.0);
        assertEquals(3, same.comparisons().size(), "single, cluster and the counter run; the fault run is not tested");
        same.comparisons().forEach(c -> assertEquals(Outcome.PRACTICALLY_SAME, c.comparison().outcome(), c.sentence()));
        assertEquals(0.0, same.comparisons().get(0).comparison().differencePercent(), 1e-9);
        assertTrue(same.notCompared().get("cluster/workers2/hello/closed/c64/kill-worker@0.1s").startsWith("a fault run"),
                same.notCompared().toString());
    }

    @Test
    void aKnownDifferenceIsFoundWithItsSizeAndHolmsCorrection() {
        RunResult before = pinned(run("before", SampleRuns.configuration("single", 1000),
                SampleRuns.configuration("cluster", 1900)));
        RunResult after = pinned(run("after", SampleRuns.configuration("single", 1200),
                SampleRuns.configuration("cluster", 1900)));
        RunComparison compared = RunComparison.of(before, after, 5.0);
        ComparisonResult single = compared.comparisons().get(0);
        assertEquals(Comparisons.THROUGHPUT, single.metric(), "the generator had CPUs of its own");
        assertEquals(Outcome.DIFFERENT, single.comparison().outcome(), single.sentence());
        assertEquals(20.0, single.comparison().differencePercent(), 1e-9, "the first run is the baseline");
        assertEquals(2, single.comparison().familySize(), "both hello configurations are one family");
        assertTrue(single.sentence().startsWith("on hello (closed c64), single in after is 20.0% faster than single in"
                + " before"), single.sentence());
        assertEquals(Outcome.PRACTICALLY_SAME, compared.comparisons().get(1).comparison().outcome());
    }

    /**
     * Where the generator shared the server's CPUs, hello is compared between runs as within each: by the server's
     * CPU per request, saturated generator or not; a run pinned and one not compare two different figures, so not.
     */
    @Test
    void helloOnSharedCpusIsComparedByCpuPerRequestAsWithinARun() {
        RunResult before = run("before", SampleRuns.configuration("single", 1000), SampleRuns.configuration("cluster", 1900));
        RunResult after = run("after", SampleRuns.configuration("single", 1200), SampleRuns.configuration("cluster", 1900));
        RunComparison compared = RunComparison.of(before, after, 5.0);
        ComparisonResult single = compared.comparisons().get(0);
        assertEquals(Comparisons.CPU_PER_REQUEST, single.metric());
        assertTrue(single.sentence().startsWith("on hello (closed c64), by server CPU per request (not throughput),"
                + " single in after is "), single.sentence());
        assertTrue(single.sentence().contains("cheaper"), "more requests for the same CPU: " + single.sentence());

        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.of(before, pinned(after), 5.0));
        assertTrue(mixed.getMessage().endsWith("single/hello/closed/c64: compared by server CPU per request in before"
                + " and by throughput in after (the generator had CPUs of its own in one run only): two different"
                + " figures"), mixed.getMessage());
    }

    @Test
    void configurationsInOneRunOnlyOrInvalidAreListedWithWhy() {
        ConfigurationResult valid = SampleRuns.configuration("cluster", 1900);
        ConfigurationResult saturated = new ConfigurationResult(valid.configuration(),
                Verdict.of(List.of("saturated load generator")), valid.warmupSeconds(), null, valid.summary(),
                valid.trials(), null);
        RunResult before = run("before", SampleRuns.configuration("single", 1000), saturated);
        RunResult after = run("after", SampleRuns.configuration("single", 1000), SampleRuns.configuration("cluster", 1900),
                SampleRuns.configuration("virtual", 1000));
        RunComparison compared = RunComparison.of(before, after, 5.0);
        assertEquals(1, compared.comparisons().size());
        assertEquals("INVALID in before: saturated load generator", compared.notCompared().get("cluster/hello/closed/c64"));
        assertEquals("only in after", compared.notCompared().get("virtual/hello/closed/c64"));
    }

    @Test
    void runsWithNothingInCommonAreRefusedWithOneMessage() {
        RunResult before = run("before", SampleRuns.configuration("single", 1000));
        RunResult after = run("after", SampleRuns.configuration("cluster", 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.of(before, after, 5.0));
        assertTrue(e.getMessage().startsWith("runs before and after have no configuration in common"), e.getMessage());
    }

    /** The run as if its generator had had CPUs of its own. */
    private static RunResult pinned(RunResult run) {
        Provenance p = run.provenance();
        Provenance pinned = new Provenance(p.corelabVersion(), p.gitCommit(), p.javaVersion(), p.javaVendor(),
                p.jvmName(), p.javaHome(), p.harnessJvmFlags(), p.serverJvmFlags(), p.os(), p.osVersion(), p.arch(),
                4, p.cpuModel(), p.command(), new CorePinning(List.of(0), List.of(1, 2, 3), "pinned for the test"));
        return new RunResult(run.schemaVersion(), run.runId(), run.status(), null, run.startedAt(), run.endedAt(),
                pinned, run.options(), null, null, run.configurations(), List.of());
    }

    private static RunResult run(String id, ConfigurationResult... configurations) {
        RunResult sample = SampleRuns.run();
        return new RunResult(sample.schemaVersion(), id, sample.status(), null, sample.startedAt(), sample.endedAt(),
                sample.provenance(), sample.options(), null, null, List.of(configurations), List.of());
    }
}
