package corelab.results.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The arithmetic of Welch's comparison of two means: the difference, its standard error and the
 * Welch–Satterthwaite degrees of freedom, from which every interval and the power follow.
 * Needs {@link Estimate#MIN_TRIALS_FOR_ERROR} trials on each side.
 */
record Welch(double difference, double standardError, double degreesOfFreedom, double pValue) {

    static Welch of(double[] a, double[] b) {
        Estimate ea = Estimate.of(a);
        Estimate eb = Estimate.of(b);
        double difference = ea.mean() - eb.mean();
        double varianceOfMeanA = ea.standardDeviation() * ea.standardDeviation() / ea.n();
        double varianceOfMeanB = eb.standardDeviation() * eb.standardDeviation() / eb.n();
        double standardError = Math.sqrt(varianceOfMeanA + varianceOfMeanB);
        if (standardError == 0) {
            // Every trial on both sides gave the same figure (deterministic counts do): the difference is
            // known exactly, and the degrees of freedom would be 0/0. No spread is data, not a guess.
            return new Welch(difference, 0, Double.NaN, difference == 0 ? 1 : 0);
        }
        double degreesOfFreedom = square(varianceOfMeanA + varianceOfMeanB)
                / (square(varianceOfMeanA) / (ea.n() - 1) + square(varianceOfMeanB) / (eb.n() - 1));
        // Two-sided, with the same t and degrees of freedom as above.
        return new Welch(difference, standardError, degreesOfFreedom, new TTest().tTest(a, b));
    }

    /** Half the width of the two-sided interval of the difference at this confidence (0.95, or 0.90 for TOST). */
    double halfWidth(double confidence) {
        return standardError == 0 ? 0 : quantile(1 - (1 - confidence) / 2) * standardError;
    }

    /**
     * The smallest true difference a two-sided test at {@code alpha} finds with probability {@code power}:
     * {@code (t(1 - alpha/2, df) + t(power, df)) · se}, the usual normal-theory approximation with t in
     * place of z (it ignores the far tail and the non-centrality of t, both small at 80% power).
     */
    double detectable(double alpha, double power) {
        return standardError == 0 ? 0 : (quantile(1 - alpha / 2) + quantile(power)) * standardError;
    }

    private double quantile(double probability) {
        // No random generator: only the quantile is wanted, and seeding a Well19937c per call is wasted work.
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(probability);
    }

    private static double square(double x) {
        return x * x;
    }
}
