package corelab.results.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * A mean across trials with its 95% confidence interval (Student's t).
 *
 * <p>The interval is {@code mean ± t(0.975, n-1) · s / √n}. With two trials or fewer it is NaN, not a
 * guess: one trial has no spread at all, and with two, t(0.975, 1) = 12.7 makes the interval so wide that
 * printing it would only look like precision. The record checks this itself, so an {@code Estimate} built
 * by hand (or read back from a results file) cannot carry a made-up error either.
 *
 * @param mean              arithmetic mean of the trials; NaN when there are none
 * @param halfWidth95       half the width of the 95% confidence interval of the mean; NaN with fewer than
 *                          {@link #MIN_TRIALS_FOR_ERROR} trials
 * @param n                 how many trials
 * @param standardDeviation sample standard deviation (n-1 in the denominator); NaN with fewer than two trials
 */
public record Estimate(double mean, double halfWidth95, int n, double standardDeviation) {
    /** The fewest trials that give a confidence interval (and a comparison). */
    public static final int MIN_TRIALS_FOR_ERROR = 3;
    static final double CONFIDENCE = 0.95;

    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (n == 0 ? !Double.isNaN(mean) : !Double.isFinite(mean)) {
            throw new IllegalArgumentException("with " + n + " trials the mean cannot be " + mean);
        }
        check("standardDeviation", standardDeviation, n >= 2, n);
        check("halfWidth95", halfWidth95, n >= MIN_TRIALS_FOR_ERROR, n);
    }

    private static void check(String name, double value, boolean known, int n) {
        if (known && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be finite and not negative, was " + value);
        }
        if (!known && !Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " is unknown with " + n
                    + " trials and must be NaN rather than a guess, was " + value);
        }
    }

    /**
     * The estimate of these trials. NaN and infinite samples are refused: a trial that produced no number
     * has failed and must be reported as failed, not averaged into something that looks like a result.
     */
    public static Estimate of(double... samples) {
        Objects.requireNonNull(samples, "samples");
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + samples[i]
                        + "; a trial without a finite figure failed and cannot be averaged");
            }
        }
        int n = samples.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, 0, Double.NaN);
        }
        double mean = StatUtils.mean(samples);
        double sd = n >= 2 ? Math.sqrt(StatUtils.variance(samples, mean)) : Double.NaN;
        double halfWidth = n >= MIN_TRIALS_FOR_ERROR ? tQuantile(n - 1) * sd / Math.sqrt(n) : Double.NaN;
        return new Estimate(mean, halfWidth, n, sd);
    }

    /** The two-sided 95% quantile of Student's t, t(0.975, df); {@code df} need not be whole (Welch). */
    static double tQuantile(double degreesOfFreedom) {
        // No random generator: only the quantile is wanted, and seeding a Well19937c per call is wasted work.
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** mean - halfWidth95; NaN when the error is unknown. */
    public double lower() {
        return mean - halfWidth95;
    }

    /** mean + halfWidth95; NaN when the error is unknown. */
    public double upper() {
        return mean + halfWidth95;
    }

    /** halfWidth95 / |mean|: 0.02 means the true mean is within ±2% (NaN if unknown, infinite if the mean is 0). */
    public double relativeHalfWidth() {
        return halfWidth95 / Math.abs(mean);
    }

    /**
     * For people, under Locale.ROOT: "14.0 ± 3.9 req/s", "12346 ± 210 req/s", "7.000 ± ? ms" with too few
     * trials, "? ± ? ms" with none. The half-width gets two significant digits and the mean is rounded to the
     * same decimal, since digits finer than the error carry no information; without a usable error the mean
     * gets four significant digits. Integer digits are never rounded away. No thousands separators.
     *
     * @param unit appended after a space; null or empty for none
     */
    public String format(String unit) {
        int decimals = halfWidth95 > 0
                ? StatsFormat.decimalsFor(halfWidth95, 2, 0)
                : StatsFormat.decimalsFor(mean, 4, 0);
        String suffix = unit == null || unit.isEmpty() ? "" : " " + unit;
        return StatsFormat.fixed(mean, decimals) + " " + StatsFormat.PLUS_MINUS + " "
                + StatsFormat.fixed(halfWidth95, decimals) + suffix;
    }
}
