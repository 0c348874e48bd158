package corelab.results.stats;

import static corelab.results.stats.Estimate.MIN_TRIALS_FOR_ERROR;

import java.util.Objects;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's t-test between two sets of trials of one figure, and the verdict in plain words.
 *
 * <p>B is the baseline: the difference is {@code (mean(a) - mean(b)) / |mean(b)| · 100}, and its 95% interval
 * is the Welch–Satterthwaite interval of {@code mean(a) - mean(b)} divided the same way. Dividing by mean(b)
 * treats the baseline as exact, which slightly understates the uncertainty of a ratio; it is the usual
 * reading of "x% faster" and is exact in the sign, which is what decides the verdict. The absolute value
 * keeps the sign of the percentage equal to the sign of the difference even for a negative baseline.
 *
 * <p>Welch rather than Student: the two sides (say cluster and single) need not have the same spread, and
 * usually don't. A difference whose interval contains 0 is a tie, and {@link #sentence} says so.
 *
 * @param pValue                 two-sided p-value of Welch's t-test; NaN with fewer than
 *                               {@link Estimate#MIN_TRIALS_FOR_ERROR} trials on either side
 * @param differencePercent      how much higher (positive) or lower (negative) a is than b, in percent of b;
 *                               NaN if either side has no trials or the mean of b is 0
 * @param differenceLowerPercent lower end of its 95% confidence interval; NaN when p is, or the mean of b is 0
 * @param differenceUpperPercent upper end of its 95% confidence interval; NaN likewise
 * @param significant            p &lt; 0.05 and the interval of the difference excludes 0
 */
public record Comparison(String nameA, String nameB, Estimate a, Estimate b, double pValue,
                         double differencePercent, double differenceLowerPercent, double differenceUpperPercent,
                         boolean significant) {
    static final double SIGNIFICANCE_LEVEL = 0.05;

    public Comparison {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!Double.isNaN(pValue) && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be between 0 and 1 or NaN, was " + pValue);
        }
        if (differenceLowerPercent > differenceUpperPercent) {
            throw new IllegalArgumentException("the interval of the difference is upside down: "
                    + differenceLowerPercent + " > " + differenceUpperPercent);
        }
        if (significant && !(pValue < SIGNIFICANCE_LEVEL)) {
            throw new IllegalArgumentException("a difference with p = " + pValue + " is not significant");
        }
    }

    /** Compares the trials of a against those of b (the baseline). Names say what each side is, e.g. a mode. */
    public static Comparison welch(String nameA, double[] a, String nameB, double[] b) {
        Estimate ea = Estimate.of(a);
        Estimate eb = Estimate.of(b);
        double differencePercent = percentOf(ea.mean() - eb.mean(), eb.mean());
        if (ea.n() < MIN_TRIALS_FOR_ERROR || eb.n() < MIN_TRIALS_FOR_ERROR) {
            return new Comparison(nameA, nameB, ea, eb, Double.NaN, differencePercent, Double.NaN, Double.NaN, false);
        }
        double difference = ea.mean() - eb.mean();
        double varianceOfMeanA = ea.standardDeviation() * ea.standardDeviation() / ea.n();
        double varianceOfMeanB = eb.standardDeviation() * eb.standardDeviation() / eb.n();
        double standardError = Math.sqrt(varianceOfMeanA + varianceOfMeanB);
        double lower;
        double upper;
        double p;
        if (standardError == 0) {
            // Every trial on both sides gave the same figure (deterministic counts do): the difference is
            // known exactly, and Welch's degrees of freedom would be 0/0. No spread is data, not a guess.
            lower = difference;
            upper = difference;
            p = difference == 0 ? 1 : 0;
        } else {
            // Welch–Satterthwaite: the degrees of freedom of a difference of means with unequal variances.
            double degreesOfFreedom = square(varianceOfMeanA + varianceOfMeanB)
                    / (square(varianceOfMeanA) / (ea.n() - 1) + square(varianceOfMeanB) / (eb.n() - 1));
            double margin = Estimate.tQuantile(degreesOfFreedom) * standardError;
            lower = difference - margin;
            upper = difference + margin;
            p = new TTest().tTest(a, b); // two-sided Welch, with the same t and degrees of freedom as above
        }
        // p < 0.05 and "the interval excludes 0" are the same test in exact arithmetic; requiring both keeps
        // the verdict and the printed interval from ever disagreeing through rounding.
        boolean significant = p < SIGNIFICANCE_LEVEL && (lower > 0 || upper < 0);
        return new Comparison(nameA, nameB, ea, eb, p, differencePercent,
                percentOf(lower, eb.mean()), percentOf(upper, eb.mean()), significant);
    }

    private static double percentOf(double difference, double baseline) {
        return baseline == 0 ? Double.NaN : difference / Math.abs(baseline) * 100;
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * The verdict in words, with a as the subject and b as the baseline: "cluster is 23.4% faster than single
     * (95% CI 20.1% to 26.7%)", "single is 12.0% slower than cluster (95% CI 9.5% to 14.5%)", "no significant
     * difference between cluster and single (p = 0.41)", "too few trials to compare cluster and single".
     *
     * @param higherWord what a higher figure means, e.g. "faster" for throughput but "slower" for latency
     * @param lowerWord  what a lower figure means
     */
    public String sentence(String higherWord, String lowerWord) {
        if (a.n() < MIN_TRIALS_FOR_ERROR || b.n() < MIN_TRIALS_FOR_ERROR) {
            return "too few trials to compare " + nameA + " and " + nameB;
        }
        if (!significant) {
            return "no significant difference between " + nameA + " and " + nameB
                    + " (" + StatsFormat.pValue(pValue) + ")";
        }
        boolean higher = a.mean() > b.mean();
        String word = higher ? higherWord : lowerWord;
        if (Double.isNaN(differencePercent)) {
            return nameA + " is " + word + " than " + nameB + " (no percentage: the mean of " + nameB + " is 0)";
        }
        // Magnitudes read better than signs after "slower": -22.5%..-16.2% becomes "16.2% to 22.5%".
        double near = higher ? differenceLowerPercent : -differenceUpperPercent;
        double far = higher ? differenceUpperPercent : -differenceLowerPercent;
        return nameA + " is " + StatsFormat.percent(Math.abs(differencePercent)) + " " + word + " than " + nameB
                + " (95% CI " + StatsFormat.percent(near) + " to " + StatsFormat.percent(far) + ")";
    }
}
