package corelab.results.stats;

import static corelab.results.stats.Estimate.MIN_TRIALS_FOR_ERROR;

import java.util.Objects;

/**
 * Two sets of trials of one figure compared by Welch's t-test, within a family of such comparisons
 * corrected by Holm's method, with an equivalence margin: what the data can say, in plain words.
 *
 * <p>B is the baseline: every percentage is of {@code |mean(b)|}. Dividing by mean(b) treats the
 * baseline as exact, which slightly understates the uncertainty of a ratio; it is the usual reading of
 * "x% faster" and exact in the sign. Welch rather than Student: the two sides need not have the same
 * spread, and usually don't.
 *
 * <p>Four claims, never more than the data support ({@link Outcome}): a difference that is significant
 * after Holm's correction and larger than the margin ranks one side above the other; one whose whole 90%
 * interval lies inside ±margin is "practically the same" (two one-sided tests at 5%, TOST); a significant
 * one that may be smaller than the margin is real but does not rank; anything else is "no significant
 * difference detected", which speaks of the run's power (see {@code detectablePercent}), not of equality.
 *
 * @param pValue                  two-sided Welch p-value, before correction; NaN with too few trials
 * @param holmPValue              the same after Holm's correction over the family; NaN likewise
 * @param familySize              how many comparisons the correction covered (1: none)
 * @param differencePercent       how much higher (positive) or lower a is than b, in percent of b; NaN if
 *                                either side has no trials or mean(b) is 0
 * @param differenceLowerPercent  lower end of its 95% interval (not widened for the family); NaN with too few trials
 * @param differenceUpperPercent  upper end likewise
 * @param equivalenceLowerPercent lower end of its 90% interval, the one TOST compares with the margin
 * @param equivalenceUpperPercent upper end likewise
 * @param marginPercent           the equivalence margin, in percent of b: the asked-for percentage of the
 *                                smaller (for throughput, the slower) of the two means
 * @param detectablePercent       the smallest difference this run would have found with 80% power, testing at
 *                                5% / familySize (Bonferroni: Holm never needs more); NaN with too few trials
 * @param outcome                 what may be said
 * @param significant             Holm-adjusted p below 5%
 */
public record Comparison(String nameA, String nameB, Estimate a, Estimate b, double pValue, double holmPValue,
                         int familySize, double differencePercent, double differenceLowerPercent,
                         double differenceUpperPercent, double equivalenceLowerPercent,
                         double equivalenceUpperPercent, double marginPercent, double detectablePercent,
                         Outcome outcome, boolean significant) {
    /** The family-wise error rate: at most a 5% chance that any difference in the family is a false finding. */
    public static final double SIGNIFICANCE_LEVEL = 0.05;
    /** The chance of finding a difference of {@code detectablePercent}. */
    static final double POWER = 0.80;

    public Comparison {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(outcome, "outcome");
        for (double p : new double[] {pValue, holmPValue}) {
            if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be between 0 and 1 or NaN, was " + p);
            }
        }
        if (familySize < 1) {
            throw new IllegalArgumentException("a comparison belongs to a family of at least 1, was " + familySize);
        }
        if (differenceLowerPercent > differenceUpperPercent || equivalenceLowerPercent > equivalenceUpperPercent) {
            throw new IllegalArgumentException("an interval of the difference is upside down");
        }
        if (significant != holmPValue < SIGNIFICANCE_LEVEL) {
            throw new IllegalArgumentException("significant must say whether the Holm p (" + holmPValue
                    + ") is below " + SIGNIFICANCE_LEVEL);
        }
        if (outcome == Outcome.DIFFERENT && !significant) {
            throw new IllegalArgumentException("a difference that is not significant cannot rank");
        }
    }

    /** One comparison alone (a family of one, no correction), with the default margin. */
    public static Comparison welch(String nameA, double[] a, String nameB, double[] b) {
        return ComparisonFamily.compare(java.util.List.of(new ComparisonFamily.Pair(nameA, a, nameB, b)),
                ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT).get(0);
    }

    /** Compares a with b (the baseline), given the pair's Holm-adjusted p-value within a family of this size. */
    static Comparison of(String nameA, double[] a, String nameB, double[] b, double equivalencePercent,
                         double holmPValue, int familySize) {
        Estimate ea = Estimate.of(a);
        Estimate eb = Estimate.of(b);
        double baseline = eb.mean();
        double differencePercent = percentOf(ea.mean() - baseline, baseline);
        double marginPercent = percentOf(equivalencePercent / 100 * Math.min(Math.abs(ea.mean()), Math.abs(baseline)),
                baseline);
        if (ea.n() < MIN_TRIALS_FOR_ERROR || eb.n() < MIN_TRIALS_FOR_ERROR) {
            return new Comparison(nameA, nameB, ea, eb, Double.NaN, Double.NaN, familySize, differencePercent,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, marginPercent, Double.NaN,
                    Outcome.TOO_FEW_TRIALS, false);
        }
        Welch welch = Welch.of(a, b);
        double half95 = welch.halfWidth(1 - SIGNIFICANCE_LEVEL);
        double half90 = welch.halfWidth(1 - 2 * SIGNIFICANCE_LEVEL);
        double lower90 = percentOf(welch.difference() - half90, baseline);
        double upper90 = percentOf(welch.difference() + half90, baseline);
        boolean significant = holmPValue < SIGNIFICANCE_LEVEL;
        boolean equivalent = lower90 >= -marginPercent && upper90 <= marginPercent;
        Outcome outcome = equivalent ? Outcome.PRACTICALLY_SAME
                : significant && Math.abs(differencePercent) > marginPercent ? Outcome.DIFFERENT
                : significant ? Outcome.SMALL_DIFFERENCE
                : Outcome.NO_DIFFERENCE_DETECTED;
        if (Double.isNaN(differencePercent) && significant) {
            outcome = Outcome.DIFFERENT; // a zero baseline: no percentage, but the sign is certain
        }
        return new Comparison(nameA, nameB, ea, eb, welch.pValue(), holmPValue, familySize, differencePercent,
                percentOf(welch.difference() - half95, baseline), percentOf(welch.difference() + half95, baseline),
                lower90, upper90, marginPercent,
                percentOf(welch.detectable(SIGNIFICANCE_LEVEL / familySize, POWER), baseline), outcome, significant);
    }

    /** The same comparison with other names for its sides, e.g. labels for people instead of ids. */
    public Comparison named(String newNameA, String newNameB) {
        return new Comparison(newNameA, newNameB, a, b, pValue, holmPValue, familySize, differencePercent,
                differenceLowerPercent, differenceUpperPercent, equivalenceLowerPercent, equivalenceUpperPercent,
                marginPercent, detectablePercent, outcome, significant);
    }

    /** True when this comparison ranks a and b: significant after correction and larger than the margin. */
    public boolean ranks() {
        return outcome == Outcome.DIFFERENT;
    }

    private static double percentOf(double difference, double baseline) {
        return baseline == 0 ? Double.NaN : difference / Math.abs(baseline) * 100;
    }

    /**
     * The verdict in words, a as the subject and b as the baseline, e.g. "cluster is 24.0% faster than
     * single (95% CI 20.1% to 27.9%, p < 0.001)", "cluster and single are practically the same: ...",
     * "no significant difference detected between cluster and single (p = 0.41; the run could detect
     * 7.5% with 80% power): not evidence that they are the same".
     *
     * @param higherWord what a higher figure means, e.g. "faster" for throughput but "slower" for latency
     * @param lowerWord  what a lower figure means
     */
    public String sentence(String higherWord, String lowerWord) {
        String p = (familySize > 1 ? "Holm " : "") + StatsFormat.pValue(holmPValue)
                + (familySize > 1 ? " over " + familySize + " comparisons" : "");
        String margin = StatsFormat.PLUS_MINUS + StatsFormat.percent(marginPercent);
        return switch (outcome) {
            case TOO_FEW_TRIALS -> "too few trials to compare " + nameA + " and " + nameB;
            case PRACTICALLY_SAME -> nameA + " and " + nameB + " are practically the same: the difference, "
                    + signed(differencePercent) + " (90% CI " + signed(equivalenceLowerPercent) + " to "
                    + signed(equivalenceUpperPercent) + "), lies inside the " + margin + " equivalence margin";
            case NO_DIFFERENCE_DETECTED -> "no significant difference detected between " + nameA + " and " + nameB
                    + " (" + p + "; the run could detect " + StatsFormat.percent(detectablePercent)
                    + " with 80% power): not evidence that they are the same";
            case DIFFERENT -> directed(higherWord, lowerWord) + " (95% CI " + magnitudes() + ", " + p + ")";
            case SMALL_DIFFERENCE -> directed(higherWord, lowerWord) + " (95% CI " + magnitudes() + ", " + p
                    + "), a real difference that may be smaller than the " + margin + " margin: not ranked";
        };
    }

    private String directed(String higherWord, String lowerWord) {
        String word = a.mean() > b.mean() ? higherWord : lowerWord;
        if (Double.isNaN(differencePercent)) {
            return nameA + " is " + word + " than " + nameB + " (no percentage: the mean of " + nameB + " is 0)";
        }
        return nameA + " is " + StatsFormat.percent(Math.abs(differencePercent)) + " " + word + " than " + nameB;
    }

    /** Magnitudes read better than signs after "slower": -22.5%..-16.2% becomes "16.2% to 22.5%". */
    private String magnitudes() {
        if (Double.isNaN(differencePercent)) {
            return "unknown in percent";
        }
        boolean higher = a.mean() > b.mean();
        double near = higher ? differenceLowerPercent : -differenceUpperPercent;
        double far = higher ? differenceUpperPercent : -differenceLowerPercent;
        return StatsFormat.percent(near) + " to " + StatsFormat.percent(far);
    }

    private static String signed(double percent) {
        return (percent > 0 ? "+" : "") + StatsFormat.percent(percent);
    }
}
