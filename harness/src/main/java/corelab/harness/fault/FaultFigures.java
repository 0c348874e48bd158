package corelab.harness.fault;

import corelab.harness.load.AnswerGaps;
import corelab.results.FaultResult;
import corelab.results.IntervalResult;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The figures of a fault, read from the window's fine intervals ({@code killIndex} is the
 * first interval that began at the kill: every earlier one is "before") and, for the outage, from
 * the silences between correct answers. Pure arithmetic on
 * recorded intervals, so it can be checked without a server.
 */
final class FaultFigures {
    private FaultFigures() {
    }

    static double throughputBefore(List<IntervalResult> intervals, int killIndex) {
        return intervals.subList(0, killIndex).stream().mapToDouble(IntervalResult::throughputPerSecond)
                .average().orElse(Double.NaN);
    }

    static double lowestAfter(List<IntervalResult> intervals, int killIndex) {
        return after(intervals, killIndex).stream().mapToDouble(IntervalResult::throughputPerSecond)
                .min().orElse(Double.NaN);
    }

    static long failedAfter(List<IntervalResult> intervals, int killIndex) {
        return after(intervals, killIndex).stream().mapToLong(IntervalResult::errors).sum();
    }

    /**
     * The longest silence between two correct answers around the fault: one that ends after the kill (the
     * one the kill fell into included, from the last answer before it), cut at the window's end if it was
     * still going on then. From the answers' own arrival times, so never short by a sampling interval.
     */
    static long outageMillis(List<AnswerGaps.Gap> gaps, long killNanos, long windowEndNanos) {
        long longest = 0;
        for (AnswerGaps.Gap gap : gaps) {
            if (gap.toNanos() > killNanos && gap.fromNanos() < windowEndNanos) {
                longest = Math.max(longest, Math.min(gap.toNanos(), windowEndNanos) - gap.fromNanos());
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /**
     * From the kill to the start of the first interval from which, for
     * {@link FaultResult#RECOVERY_HOLD_MILLIS}, no request failed and throughput averaged at
     * least {@link FaultResult#RECOVERED_SHARE} of the throughput before (that first interval
     * included). Null when that never happened within the window: a hold cut short by the
     * window's end does not count, since what came next is unknown.
     */
    static Long recoveryMillis(List<IntervalResult> intervals, int killIndex, double firedAtSeconds) {
        double target = FaultResult.RECOVERED_SHARE * throughputBefore(intervals, killIndex);
        if (!(target > 0)) {
            return null; // nothing to recover to
        }
        for (int first = killIndex; first < intervals.size(); first++) {
            if (intervals.get(first).throughputPerSecond() < target) {
                continue;
            }
            double held = 0;
            double completed = 0;
            boolean clean = true;
            int i = first;
            for (; i < intervals.size() && held * 1000 < FaultResult.RECOVERY_HOLD_MILLIS - 1e-6; i++) {
                IntervalResult interval = intervals.get(i);
                clean &= interval.errors() == 0;
                held += interval.seconds();
                completed += interval.completed();
            }
            if (held * 1000 < FaultResult.RECOVERY_HOLD_MILLIS - 1e-6) {
                return null; // the window ended before a full hold
            }
            if (clean && completed / held >= target) {
                return Math.max(0, Math.round((intervals.get(first).startSeconds() - firedAtSeconds) * 1000));
            }
        }
        return null;
    }

    private static List<IntervalResult> after(List<IntervalResult> intervals, int killIndex) {
        return intervals.subList(killIndex, intervals.size());
    }
}
