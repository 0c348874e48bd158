package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Capacity.ModeCapacity;
import corelab.results.Capacity.RateP99;
import corelab.results.Capacity.Reach;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Capacity at a latency target from constructed sweeps whose p99s are known. */
class CapacitiesTest {
    private static final double TARGET_MILLIS = 5;

    @Test
    void theCapacityLiesBetweenTheLastRateSustainedAndTheFirstThatWasNot() {
        ModeCapacity single = only(Capacities.of(List.of(
                open("single", 100, true, trial(1.0), trial(1.2), trial(1.1)),
                open("single", 400, true, trial(9.0), trial(8.0), trial(12.0)),
                open("single", 200, true, trial(2.0), trial(4.9), trial(3.0))), TARGET_MILLIS));
        assertEquals(Reach.WITHIN_SWEEP, single.reach());
        assertEquals(200.0, single.atLeastPerSecond());
        assertEquals(400.0, single.belowPerSecond());
        assertEquals(List.of(100.0, 200.0, 400.0), single.rates().stream().map(RateP99::ratePerSecond).toList(),
                "ascending");
        assertEquals(4900, single.rates().get(1).highestTrialP99Micros(), 4900 * 1e-3);
        assertTrue(single.sentence().contains("p99 under 5 ms at least up to 200/s and below 400/s"),
                single.sentence());
        assertTrue(single.sentence().contains("a trial's p99 was 12.0"), single.sentence());
    }

    /** The merged p99 is under the target, one short trial's is not: the rate is not sustained. */
    @Test
    void oneTrialOverTheTargetFailsTheRateWhateverTheMergedP99() {
        Capacity capacity = Capacities.of(List.of(open("single", 100, true, trial(1.0), trial(1.0)),
                open("single", 200, true, trial(2.0, 1000), trial(2.0, 1000), trial(7.0, 10))), TARGET_MILLIS);
        RateP99 rate = only(capacity).rates().get(1);
        assertTrue(rate.p99Micros() < TARGET_MILLIS * 1000, "merged: " + rate.p99Micros());
        assertFalse(rate.sustained());
        assertEquals(100.0, only(capacity).atLeastPerSecond());
    }

    @Test
    void atTheEndsTheAnswerIsNoneOrAllOfTheSweep() {
        ModeCapacity none = only(Capacities.of(List.of(open("virtual", 100, true, trial(6.0), trial(1.0)),
                open("virtual", 200, true, trial(7.0))), TARGET_MILLIS));
        assertEquals(Reach.BELOW_SWEEP, none.reach());
        assertNull(none.atLeastPerSecond());
        assertEquals(100.0, none.belowPerSecond());
        assertTrue(none.sentence().contains("no swept rate kept p99 under 5 ms, so its capacity is below 100/s"),
                none.sentence());

        ModeCapacity lowestFailed = only(Capacities.of(List.of(open("virtual", 100, true, trial(6.0)),
                open("virtual", 200, true, trial(2.0))), TARGET_MILLIS));
        assertEquals(Reach.BELOW_SWEEP, lowestFailed.reach());
        assertTrue(lowestFailed.sentence().contains("the lowest swept rate, 100/s, did not keep p99 under 5 ms")
                && lowestFailed.sentence().contains("200/s passed again above the failed 100/s: not counted"),
                lowestFailed.sentence());

        ModeCapacity all = only(Capacities.of(List.of(open("virtual", 100, true, trial(1.0)),
                open("virtual", 200, true, trial(2.0))), TARGET_MILLIS));
        assertEquals(Reach.ABOVE_SWEEP, all.reach());
        assertEquals(200.0, all.atLeastPerSecond());
        assertNull(all.belowPerSecond());
        assertTrue(all.sentence().contains("raise the sweep"), all.sentence());
    }

    /** An INVALID rate is never sustained, however low its p99; a higher rate that passes again is not counted. */
    @Test
    void anInvalidRateIsNeverSustained() {
        ModeCapacity cluster = only(Capacities.of(List.of(open("cluster", 100, true, trial(1.0)),
                open("cluster", 200, false, trial(1.0)), open("cluster", 400, true, trial(1.0))), TARGET_MILLIS));
        assertEquals(Reach.WITHIN_SWEEP, cluster.reach());
        assertEquals(100.0, cluster.atLeastPerSecond());
        assertEquals(200.0, cluster.belowPerSecond());
        assertTrue(cluster.rates().get(1).why().contains("INVALID (the load generator was saturated)"),
                cluster.rates().get(1).why());
        assertTrue(cluster.sentence().contains("400/s passed again above the failed 200/s"), cluster.sentence());
    }

    /** Each mode is its own sweep; closed load, a fault run and a mode measured at one rate have no capacity. */
    @Test
    void onlyModesSweptOverTwoOpenRatesGetACapacity() {
        List<ConfigurationResult> configurations = new ArrayList<>(List.of(
                open("single", 100, true, trial(1.0)), open("single", 200, true, trial(9.0)),
                open("cluster", 100, true, trial(1.0)), open("cluster", 200, true, trial(1.0)),
                open("platform", 100, true, trial(1.0)), SampleRuns.configuration("virtual", 1000),
                SampleRuns.faultConfiguration()));
        Capacity capacity = Capacities.of(configurations, TARGET_MILLIS);
        assertEquals(List.of("single", "cluster"), capacity.modes().stream().map(ModeCapacity::mode).toList());
        assertEquals(List.of(Reach.WITHIN_SWEEP, Reach.ABOVE_SWEEP),
                capacity.modes().stream().map(ModeCapacity::reach).toList());
        assertEquals(Capacities.RULE, capacity.rule());
    }

    @Test
    void theCapacityRoundTripsThroughResultsJson() throws Exception {
        RunResult sample = SampleRuns.run();
        List<ConfigurationResult> configurations = List.of(open("single", 100, true, trial(1.0), trial(2.0)),
                open("single", 200, false, trial(9.0)));
        RunResult run = new RunResult(sample.schemaVersion(), sample.runId(), sample.status(), sample.failure(),
                sample.startedAt(), sample.endedAt(), sample.provenance(), Map.of("p99TargetMillis", "5"),
                sample.schedule(), sample.calibration(), configurations, List.of(),
                Capacities.of(configurations, TARGET_MILLIS));
        String json = ResultsJson.toJson(run);
        assertTrue(json.contains("\"reach\" : \"WITHIN_SWEEP\""), json);
        assertEquals(run, ResultsJson.fromJson(json, "test"));
        assertNull(ResultsJson.fromJson(ResultsJson.toJson(sample), "test").capacity(), "no target, no capacity");
    }

    private static ModeCapacity only(Capacity capacity) {
        assertEquals(1, capacity.modes().size(), capacity.toString());
        return capacity.modes().get(0);
    }

    private static ConfigurationResult open(String mode, double rate, boolean valid, TrialResult... trials) {
        String id = String.format(java.util.Locale.ROOT, "%s/hello/open/c4/rate%.0f", mode, rate);
        Verdict verdict = valid ? Verdict.VALID : Verdict.of(List.of("the load generator was saturated"));
        List<TrialResult> numbered = new ArrayList<>();
        for (int i = 0; i < trials.length; i++) {
            TrialResult t = trials[i];
            numbered.add(new TrialResult(i + 1, t.seconds(), t.completed(), t.sent(), t.intendedRequests(), t.errors(),
                    t.throughputPerSecond(), t.latency(), t.uncorrectedLatency(), t.server(), t.generator(),
                    t.intervals(), t.histogram(), t.uncorrectedHistogram(), t.otherServersCpuCores(), t.tool()));
        }
        Estimate none = Estimate.of();
        return new ConfigurationResult(new Configuration(id, mode, "hello", "open", 4, rate, null, null, null, 20,
                null, 2, "mode=" + mode, List.of()), verdict, 0, null, new Summary(none, none, none, none, none, none,
                none, none, none, none, 0), numbered, null);
    }

    private static TrialResult trial(double p99Millis) {
        return trial(p99Millis, 1000);
    }

    /** A trial of {@code requests} answers, each {@code p99Millis} late: its p99 is that. */
    private static TrialResult trial(double p99Millis, int requests) {
        Histogram histogram = Histograms.empty();
        histogram.recordValueWithCount((long) (p99Millis * 1000), requests);
        TrialResult sample = SampleRuns.trial(1, 100);
        return new TrialResult(1, 1.0, requests, requests, requests, sample.errors(), requests,
                Latency.of(histogram), null, sample.server(), sample.generator(), List.of(),
                Histograms.encode(histogram), null, Double.NaN, null);
    }
}
