package corelab.harness.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import corelab.harness.load.AnswerGaps;
import corelab.results.IntervalResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault figures from recorded intervals: arithmetic, checked on made-up windows. */
class FaultFiguresTest {
    /** 100 ms intervals with these completed counts and errors. */
    private static List<IntervalResult> window(long[] completed, long[] errors) {
        List<IntervalResult> intervals = new ArrayList<>();
        for (int i = 0; i < completed.length; i++) {
            intervals.add(new IntervalResult(i * 0.1, 0.1, completed[i], errors[i], completed[i] / 0.1,
                    100, 200, 300, 1, 1, 0.1, "x"));
        }
        return intervals;
    }

    @Test
    void aDipWithErrorsThenFullThroughputRecovers() {
        // 10 before at 100/interval; kill at index 10; 2 intervals of errors and a dip; back for 10+
        long[] completed = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 20, 0, 95, 100, 100, 100, 100, 100, 100,
                100, 100, 100, 100};
        long[] errors = new long[completed.length];
        errors[10] = 7;
        errors[11] = 3;
        List<IntervalResult> w = window(completed, errors);
        assertEquals(1000, FaultFigures.throughputBefore(w, 10), 1e-9);
        assertEquals(0, FaultFigures.lowestAfter(w, 10), 1e-9);
        assertEquals(10, FaultFigures.failedAfter(w, 10));
        assertEquals(200, FaultFigures.recoveryMillis(w, 10, 1.0), "the first interval from which 1 s is clean and full");
    }

    @Test
    void halfTheCapacityForTheRestOfTheWindowNeverRecovers() {
        long[] completed = new long[40];
        for (int i = 0; i < completed.length; i++) {
            completed[i] = i < 10 ? 100 : 50;
        }
        assertNull(FaultFigures.recoveryMillis(window(completed, new long[40]), 10, 1.0));
    }

    @Test
    void aHoldCutShortByTheWindowsEndDoesNotCount() {
        long[] completed = {100, 100, 100, 0, 0, 0, 100, 100, 100};
        assertNull(FaultFigures.recoveryMillis(window(completed, new long[completed.length]), 3, 0.3),
                "only 300 ms of good throughput seen: what came next is unknown");
    }

    @Test
    void noVisibleEffectIsARecoveryAtOnce() {
        long[] completed = new long[30];
        java.util.Arrays.fill(completed, 100);
        assertEquals(0, FaultFigures.recoveryMillis(window(completed, new long[30]), 10, 1.0));
    }

    /**
     * The kill at 1.000 s falls into a silence from the last answer at 0.990 s to the next at 1.230 s: 240 ms,
     * whatever 100 ms buckets it spans. A longer silence before the kill is not the fault's; a later, shorter
     * one does not beat it.
     */
    @Test
    void theOutageIsTheLongestSilenceBetweenAnswersAroundTheKill() {
        List<AnswerGaps.Gap> gaps = List.of(gap(0.2, 0.6), gap(0.99, 1.23), gap(1.5, 1.6));
        assertEquals(240, FaultFigures.outageMillis(gaps, nanos(1.0), nanos(4.0)));
        assertEquals(0, FaultFigures.outageMillis(List.of(gap(0.2, 0.6)), nanos(1.0), nanos(4.0)), "none after it");
        // still silent when the window ended: as long as the window let it be seen
        assertEquals(1500, FaultFigures.outageMillis(List.of(gap(2.5, 9.0)), nanos(1.0), nanos(4.0)));
    }

    private static AnswerGaps.Gap gap(double fromSeconds, double toSeconds) {
        return new AnswerGaps.Gap(nanos(fromSeconds), nanos(toSeconds));
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
