package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.CounterCheck;
import corelab.results.Errors;
import corelab.results.Summary;
import corelab.results.TrialResult;
import corelab.results.Verdict;
import corelab.results.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guess is found by the words of its configuration's id and set against the measured figure's interval. */
class PredictionTest {
    private static final List<ConfigurationResult> RUN = List.of(
            result("single/io/closed/c64", Verdict.VALID, 3100, 3150, 3120),
            result("offload/io/closed/c64", Verdict.VALID, 3000, 3010, 3020),
            result("single/mixed/iterations250000/closed/c64", Verdict.VALID, 900, 910, 920),
            result("single/hello/closed/c64", Verdict.of(List.of("the load generator was saturated")), 9e4, 9e4, 9e4));

    @Test
    void aGuessInsideTheIntervalIsAsRightAsTheRunCanTell() {
        String line = Prediction.line(Guess.throughput("single io", 3120), RUN);
        assertTrue(line.startsWith("single io, requests/s: you guessed 3,120, measured 3,123 (95% interval 3,0"), line);
        assertTrue(line.endsWith("as right as this run can tell"), line);
    }

    @Test
    void aGuessOutsideSaysHowFarAndWhichWay() {
        assertTrue(Prediction.line(Guess.throughput("offload io", 6020), RUN).endsWith("your guess was 2.0 times the"
                + " measured figure"), Prediction.line(Guess.throughput("offload io", 6020), RUN));
        assertTrue(Prediction.line(Guess.throughput("mixed single", 455), RUN).endsWith("your guess was 50% below it"
                + " (the measured figure is 2.0 times yours)"), Prediction.line(Guess.throughput("mixed single", 455), RUN));
        assertTrue(Prediction.line(Guess.throughput("offload io", 3311), RUN).contains("10% above"));
    }

    @Test
    void anUnwrittenGuessStillShowsTheFigureAndInvalidRunsSayWhy() {
        String line = Prediction.line(Guess.throughput("single io", 0), RUN);
        assertTrue(line.endsWith("no guess was written (0)"), line);
        assertTrue(Prediction.line(Guess.throughput("hello", 1000), RUN).contains("(INVALID: the load generator was"
                + " saturated)"));
    }

    @Test
    void wordsThatFitNoneOrSeveralConfigurationsSaySoWithTheIds() {
        assertTrue(Prediction.line(Guess.throughput("io", 1), RUN).contains("the words fit 2 configurations"));
        assertTrue(Prediction.line(Guess.throughput("cluster io", 1), RUN).contains("no configuration of this run"
                + " has all of these words; its ids are single/io/closed/c64"));
        assertTrue(Prediction.line(Guess.countedPercent("single io", 50), RUN).endsWith("this run did not measure it"
                + " for single/io/closed/c64"));
    }

    @Test
    void percentilesAreInMillisecondsAndCpuPerRequestIsTheReciprocalOfRequestsPerCpuSecond() {
        ConfigurationResult c = RUN.get(0);
        assertEquals(20.0, Guess.Measure.P99.of(c).orElseThrow().mean(), 1e-9);
        assertEquals(50.0, Guess.Measure.CPU_PER_REQUEST.of(c).orElseThrow().mean(), 1e-9);
        ConfigurationResult counted = new ConfigurationResult(c.configuration(), Verdict.VALID, 3,
                new CounterCheck(1000, 500, 500), c.summary(), List.of(), null);
        assertEquals(50.0, Guess.Measure.COUNTED_PERCENT.of(counted).orElseThrow().mean(), 1e-9);
    }

    @Test
    void theLongestSilenceIsEachTrialsLongestConnectionSilenceMeanOverTrials() {
        ConfigurationResult c = RUN.get(0);
        assertTrue(Guess.Measure.LONGEST_SILENCE.of(c).isEmpty(), "no trial recorded its connections");
        List<TrialResult> trials = List.of(trial(1, 30, 500), trial(2, 900, 40), trial(3, 35, 32));
        ConfigurationResult withConnections = new ConfigurationResult(c.configuration(), Verdict.VALID, 3, null,
                c.summary(), trials, null);
        Guess.Figure silence = Guess.Measure.LONGEST_SILENCE.of(withConnections).orElseThrow();
        assertEquals((500 + 900 + 35) / 3.0, silence.mean(), 1e-9);
        assertTrue(silence.hasInterval(), "three trials give an interval");
    }

    @Test
    void aGuessNeedsWordsAndCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> Guess.throughput(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> Guess.p99("single io", -1));
    }

    /** A trial of two connections with these longest silences, in ms. */
    private static TrialResult trial(int index, double firstMillis, double secondMillis) {
        return new TrialResult(index, 2, 100, 100, 100, new Errors(0, 0, 0, 0), 50, null, null, null, null, List.of(),
                null, null, Double.NaN, null).withConnections(List.of(new ConnectionResult(0, 60, firstMillis),
                new ConnectionResult(1, 40, secondMillis)));
    }

    private static ConfigurationResult result(String id, Verdict verdict, double... throughputs) {
        String[] parts = id.split("/");
        Estimate none = Estimate.of();
        Estimate p99Micros = Estimate.of(20_000, 20_000, 20_000);
        Estimate requestsPerCpuSecond = Estimate.of(20_000, 20_000, 20_000);
        Summary summary = new Summary(Estimate.of(throughputs), none, requestsPerCpuSecond, none, p99Micros, none, none,
                none, none, none, 0);
        return new ConfigurationResult(new Configuration(id, parts[0], parts[1], "closed", 64, null, null, null, null, 20,
                null, 2, "mode=" + parts[0], List.of()), verdict, 3, null, summary, List.of(), null);
    }
}
