package corelab.harness.plan;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;

/**
 * How long each configuration is measured: a warmup that is never recorded, then the trials
 * back to back. A fault run measures one window as long as the trials together.
 */
public record Durations(int warmupSeconds, int trialSeconds, int trials) {
    /**
     * The warmup lasts at least {@code warmupSeconds}, and then goes on, for at most this many
     * seconds more, until {@value #STEADY_SECONDS} seconds in a row agree within
     * {@value #STEADY_SPREAD}: a cold JIT (in the server, or in the load generator at the
     * start of a run) otherwise shows up as a trend across the trials.
     */
    public static final int EXTRA_WARMUP_SECONDS = 8;
    public static final int STEADY_SECONDS = 3;
    public static final double STEADY_SPREAD = 0.10;

    public static final Option<Integer> WARMUP_SECONDS = Option.of("warmupSeconds", wholeNumber(0, 3600), 3,
            "load before each configuration's first trial after its server started, never measured; it goes on (up to "
                    + EXTRA_WARMUP_SECONDS + " s more) until " + STEADY_SECONDS
                    + " seconds in a row agree within " + Math.round(100 * STEADY_SPREAD) + "%");
    public static final Option<Integer> TRIAL_SECONDS = Option.of("trialSeconds", wholeNumber(1, 3600), 2,
            "length of each measured trial");
    public static final Option<Integer> TRIALS = Option.of("trials", wholeNumber(1, 1000), 4,
            "measured trials per configuration (3 or more for a confidence interval)");

    public Durations {
        WARMUP_SECONDS.check(warmupSeconds);
        TRIAL_SECONDS.check(trialSeconds);
        TRIALS.check(trials);
    }

    static Durations read(OptionValues values) {
        return new Durations(values.get(WARMUP_SECONDS), values.get(TRIAL_SECONDS), values.get(TRIALS));
    }

    /** How long a fault run's measured window lasts: the trials' time, back to back, as one observation. */
    public int faultWindowSeconds() {
        return trials * trialSeconds;
    }

    /** Seconds of load one configuration takes, warmup included (the warmup may run longer, never shorter). */
    long loadSeconds() {
        return warmupSeconds + (long) trials * trialSeconds;
    }
}
