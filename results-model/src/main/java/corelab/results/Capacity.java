package corelab.results;

import java.util.List;
import java.util.Locale;

/**
 * Capacity at a latency target ({@code -Dp99TargetMillis=} with {@code -Dload=open} and a rate sweep): for
 * each mode under each workload and load, the highest swept rate it sustained with p99 under the target.
 * Computed from the configurations by {@link Capacities}; null in results.json when no target was given.
 *
 * @param p99TargetMillis the target, as given
 * @param rule            how a rate counts as sustained, in words (the same for every mode)
 */
public record Capacity(double p99TargetMillis, String rule, List<ModeCapacity> modes) {
    public Capacity {
        if (!(p99TargetMillis > 0) || Double.isInfinite(p99TargetMillis)) {
            throw new IllegalArgumentException("p99TargetMillis must be above 0, was " + p99TargetMillis);
        }
        modes = List.copyOf(modes);
    }

    /** "p99 under 5 ms", "p99 under 0.5 ms": the target in words, as every sentence about it says it. */
    public String target() {
        return target(p99TargetMillis);
    }

    static String target(double p99TargetMillis) {
        return "p99 under " + (p99TargetMillis == Math.rint(p99TargetMillis)
                ? String.format(Locale.ROOT, "%.0f", p99TargetMillis) : Double.toString(p99TargetMillis)) + " ms";
    }

    /**
     * One mode's capacity: the swept rates in ascending order with their p99s, and where the target fell.
     *
     * @param load              "open c64", as the comparisons name it
     * @param reach             where the capacity lies against the sweep
     * @param atLeastPerSecond  the highest rate sustained below the first one that was not; null for BELOW_SWEEP
     * @param belowPerSecond    the first swept rate that was not sustained; null for ABOVE_SWEEP
     * @param sentence          the answer in words, with its caveats
     */
    public record ModeCapacity(String workload, String mode, String load, int coresAllowed, Reach reach,
                               Double atLeastPerSecond, Double belowPerSecond, List<RateP99> rates,
                               String sentence) {
        public ModeCapacity {
            rates = List.copyOf(rates);
            if ((atLeastPerSecond == null) != (reach == Reach.BELOW_SWEEP)
                    || (belowPerSecond == null) != (reach == Reach.ABOVE_SWEEP)) {
                throw new IllegalArgumentException(reach + " does not fit at least " + atLeastPerSecond + ", below "
                        + belowPerSecond);
            }
        }
    }

    /** Where a mode's capacity lies against the swept rates. */
    public enum Reach {
        /** at least one swept rate and below the next one: the sweep measured nothing between them */
        WITHIN_SWEEP,
        /** none of the swept rates was sustained: the capacity is below the lowest, if there is one */
        BELOW_SWEEP,
        /** every swept rate was sustained: the capacity is at least the highest; raise the sweep to find it */
        ABOVE_SWEEP
    }

    /**
     * One swept rate of one mode.
     *
     * @param configurationId        the configuration measured at this rate
     * @param valid                  its verdict: an INVALID rate is never sustained
     * @param trials                 trials with at least one answer
     * @param p99Micros              p99 of the merged trials' histograms (latency from when each request was due:
     *                               corrected for coordinated omission); NaN when nothing was answered
     * @param highestTrialP99Micros  the largest of its trials' p99s, what the rule tests; NaN when nothing was answered
     * @param sustained              whether the rate counts as sustained under the target
     * @param why                    why it does not ("INVALID: ...", "a trial's p99 was 7.1 ms"); "" when it does
     */
    public record RateP99(double ratePerSecond, String configurationId, boolean valid, int trials, double p99Micros,
                          double highestTrialP99Micros, boolean sustained, String why) {
    }
}
