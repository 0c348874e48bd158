package corelab.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reference figures were worked with the Welch–Satterthwaite formulas and checked with scipy 1.17.1. */
class ComparisonTest {
    private static final double[] CLUSTER = {120, 122, 124, 126, 128}; // mean 124, variance 10
    private static final double[] SINGLE = {98, 99, 100, 101, 102};    // mean 100, variance 2.5

    /**
     * Difference 24, se² = 10/5 + 2.5/5 = 2.5, se = 1.581139, t = 15.178933,
     * df = 2.5² / (2²/4 + 0.5²/4) = 6.25 / 1.0625 = 5.882353, t(0.975, 5.882) = 2.458824,
     * interval 24 ± 3.887742 = 20.112258 .. 27.887742, all over mean(single) = 100; p = 6.1034388e-6.
     * 90% interval: t(0.95, df) = 1.950163, 24 ± 3.083478. Detectable at 80% power:
     * (t(0.975, df) + t(0.80, df)) · se = (2.458824 + 0.907072) · 1.581139 = 5.321948.
     */
    @Test
    void clearlyDifferentTrialsAreADifferenceThatRanks() {
        Comparison c = Comparison.welch("cluster", CLUSTER, "single", SINGLE);
        assertTrue(c.significant());
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertTrue(c.ranks());
        assertEquals(6.103438751613375e-06, c.pValue(), 1e-12);
        assertEquals(c.pValue(), c.holmPValue()); // a family of one is not corrected
        assertEquals(24.0, c.differencePercent(), 1e-9);
        assertEquals(20.112258, c.differenceLowerPercent(), 1e-5);
        assertEquals(27.887742, c.differenceUpperPercent(), 1e-5);
        assertEquals(20.916522, c.equivalenceLowerPercent(), 1e-5);
        assertEquals(27.083478, c.equivalenceUpperPercent(), 1e-5);
        assertEquals(5.0, c.marginPercent(), 1e-9); // 5% of the slower side, single's 100
        assertEquals(5.321948, c.detectablePercent(), 1e-5);
        assertEquals(124.0, c.a().mean());
        assertEquals(100.0, c.b().mean());
        assertEquals("cluster is 24.0% faster than single (95% CI 20.1% to 27.9%, p < 0.001)",
                c.sentence("faster", "slower"));
    }

    /** The same trials the other way round: (100 - 124) / 124 = -19.354839%, interval -22.490114 .. -16.219563. */
    @Test
    void aLowerFigureIsSaidWithTheLowerWordAndPositiveNumbers() {
        Comparison c = Comparison.welch("single", SINGLE, "cluster", CLUSTER);
        assertTrue(c.significant());
        assertEquals(-19.354839, c.differencePercent(), 1e-5);
        assertEquals(-22.490114, c.differenceLowerPercent(), 1e-5);
        assertEquals(-16.219563, c.differenceUpperPercent(), 1e-5);
        assertEquals(100.0 * 5 / 124, c.marginPercent(), 1e-9); // still 5% of single's 100, now in percent of 124
        assertEquals("single is 19.4% slower than cluster (95% CI 16.2% to 22.5%, p < 0.001)",
                c.sentence("faster", "slower"));
    }

    /**
     * {98..102} against {99..103}: difference -1, se = 1, df = 8, p = 0.34659351; t(0.95, 8) = 1.859548, so the
     * 90% interval is -1 ± 1.859548 over 101 = -2.831236% .. 0.851038%, inside the margin 5% · 100 / 101 =
     * ±4.950495%: two one-sided tests at 5% both reject, the modes are practically the same.
     */
    @Test
    void aNarrowIntervalInsideTheMarginIsPracticallyTheSame() {
        Comparison c = Comparison.welch("virtual", new double[] {98, 99, 100, 101, 102},
                "platform", new double[] {99, 100, 101, 102, 103});
        assertFalse(c.significant());
        assertEquals(Outcome.PRACTICALLY_SAME, c.outcome());
        assertEquals(0.34659351, c.pValue(), 1e-7);
        assertEquals(-2.831236, c.equivalenceLowerPercent(), 1e-5);
        assertEquals(0.851038, c.equivalenceUpperPercent(), 1e-5);
        assertEquals(4.950495, c.marginPercent(), 1e-5);
        assertEquals("virtual and platform are practically the same: the difference, -0.99% (90% CI -2.8% to"
                + " +0.85%), lies inside the \u00b15.0% equivalence margin", c.sentence("faster", "slower"));
    }

    /**
     * {102..106} against {99..101 by 0.5}: difference 4 (4.0%), se = 0.790569, df = 5.882353, p = 0.0024490;
     * the 90% interval 2.458261% .. 5.541739% reaches past the 5% margin, so not the same; the difference is
     * significant but 4% is not larger than the margin: real, and not ranked.
     */
    @Test
    void aSignificantDifferenceBelowTheMarginDoesNotRank() {
        Comparison c = Comparison.welch("a", new double[] {102, 103, 104, 105, 106},
                "b", new double[] {99, 99.5, 100, 100.5, 101});
        assertTrue(c.significant());
        assertEquals(Outcome.SMALL_DIFFERENCE, c.outcome());
        assertFalse(c.ranks());
        assertEquals(0.0024490282, c.pValue(), 1e-9);
        assertEquals(2.458261, c.equivalenceLowerPercent(), 1e-5);
        assertEquals(5.541739, c.equivalenceUpperPercent(), 1e-5);
        assertEquals("a is 4.0% faster than b (95% CI 2.1% to 5.9%, p = 0.0024), a real difference that may be"
                + " smaller than the \u00b15.0% margin: not ranked", c.sentence("faster", "slower"));
    }

    /**
     * {10..18 by 2} against {11..19 by 2}: both variances 10, se² = 2 + 2 = 4, t = -1/2 = -0.5,
     * df = 4² / (2²/4 + 2²/4) = 8 exactly; p = 2·P(T₈ > 0.5) = 0.63053608. The interval -37.4% .. 24.1%
     * straddles 0, and the 90% one (-31.5% .. 18.1%) is far wider than ±5%: the run cannot tell. It would
     * have seen (t(0.975, 8) + t(0.8, 8)) · 2 = (2.306004 + 0.888890) · 2 = 6.389788, 42.598582% of 15.
     */
    @Test
    void overlappingTrialsAreNoDifferenceDetectedWithThePowerSaid() {
        Comparison c = Comparison.welch("cluster", new double[] {10, 12, 14, 16, 18},
                "single", new double[] {11, 13, 15, 17, 19});
        assertFalse(c.significant());
        assertEquals(Outcome.NO_DIFFERENCE_DETECTED, c.outcome());
        assertEquals(0.6305360755569764, c.pValue(), 1e-9);
        assertEquals(-6.666667, c.differencePercent(), 1e-5);
        assertEquals(-37.413388, c.differenceLowerPercent(), 1e-5);
        assertEquals(24.080055, c.differenceUpperPercent(), 1e-5);
        assertEquals(42.598582, c.detectablePercent(), 1e-5);
        assertEquals("no significant difference detected between cluster and single (p = 0.63; the run could"
                + " detect 42.6% with 80% power): not evidence that they are the same",
                c.sentence("faster", "slower"));
    }

    /**
     * A Welch p-value with fractional degrees of freedom, worked by hand.
     * a = {10, 12, 14, 16, 18}: mean 14, variance 10.  b = {12, 15, 18, 21, 24}: mean 18, variance 22.5.
     * se² = 10/5 + 22.5/5 = 2 + 4.5 = 6.5; t = (14 - 18) / √6.5 = -1.568929;
     * df = 6.5² / (2²/4 + 4.5²/4) = 42.25 / 6.0625 = 6.969072;
     * p = 2·P(T_6.969072 > 1.568929) = 0.16084236 (scipy.stats.t.sf; ttest_ind(equal_var=False) agrees).
     * t(0.975, 6.969072) = 2.366753, interval -4 ± 6.034103 over 18: -55.744780% .. 11.300336%.
     */
    @Test
    void theWelchPValueMatchesTheHandWorkedOne() {
        Comparison c = Comparison.welch("a", new double[] {10, 12, 14, 16, 18}, "b", new double[] {12, 15, 18, 21, 24});
        assertEquals(0.16084236, c.pValue(), 1e-7);
        assertEquals(2.366753, Estimate.tQuantile(42.25 / 6.0625), 1e-6);
        assertEquals(-22.222222, c.differencePercent(), 1e-5);
        assertEquals(-55.744780, c.differenceLowerPercent(), 1e-5);
        assertEquals(11.300336, c.differenceUpperPercent(), 1e-5);
        assertFalse(c.significant());
        assertEquals(Outcome.NO_DIFFERENCE_DETECTED, c.outcome());
    }

    @Test
    void fewerThanThreeTrialsOnEitherSideIsNoComparison() {
        Comparison c = Comparison.welch("cluster", new double[] {120, 128}, "single", SINGLE);
        assertTrue(Double.isNaN(c.pValue()));
        assertTrue(Double.isNaN(c.differenceLowerPercent()));
        assertTrue(Double.isNaN(c.differenceUpperPercent()));
        assertTrue(Double.isNaN(c.detectablePercent()));
        assertEquals(24.0, c.differencePercent(), 1e-9); // the point difference is still what it is
        assertFalse(c.significant());
        assertEquals(Outcome.TOO_FEW_TRIALS, c.outcome());
        assertEquals("too few trials to compare cluster and single", c.sentence("faster", "slower"));
        Comparison none = Comparison.welch("cluster", CLUSTER, "single", new double[0]);
        assertTrue(Double.isNaN(none.differencePercent()));
        assertEquals("too few trials to compare cluster and single", none.sentence("faster", "slower"));
    }

    /** Deterministic figures (counts) have no spread: the difference is exact, not NaN and not unknown. */
    @Test
    void constantTrialsCompareExactly() {
        Comparison different = Comparison.welch("a", new double[] {5, 5, 5}, "b", new double[] {4, 4, 4});
        assertTrue(different.significant());
        assertEquals(Outcome.DIFFERENT, different.outcome());
        assertEquals(0.0, different.pValue());
        assertEquals("a is 25.0% higher than b (95% CI 25.0% to 25.0%, p < 0.001)", different.sentence("higher", "lower"));
        Comparison same = Comparison.welch("a", new double[] {4, 4, 4}, "b", new double[] {4, 4, 4});
        assertFalse(same.significant());
        assertEquals(Outcome.PRACTICALLY_SAME, same.outcome());
    }

    /** {10, 11, 12} against {0, 0, 0}: df = 2, interval 11 ± 4.302653·0.57735 = 11 ± 2.48; no percentage of 0. */
    @Test
    void aZeroBaselineGivesAVerdictWithoutAPercentage() {
        Comparison c = Comparison.welch("virtual", new double[] {10, 11, 12}, "platform", new double[] {0, 0, 0});
        assertTrue(c.significant());
        assertTrue(Double.isNaN(c.differencePercent()));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertEquals("virtual is higher than platform (no percentage: the mean of platform is 0) (95% CI unknown in"
                + " percent, p = 0.0027)", c.sentence("higher", "lower"));
    }

    @Test
    void aComparisonBuiltByHandMustBeConsistent() {
        Estimate e = Estimate.of(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 0.2, 0.2, 1, 0, -1, 1,
                -1, 1, 5, 9, Outcome.DIFFERENT, false)); // ranks without being significant
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 0.2, 0.2, 1, 0, -1, 1,
                -1, 1, 5, 9, Outcome.NO_DIFFERENCE_DETECTED, true)); // significant with p = 0.2
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 1.5, 1, 1, 0, -1, 1,
                -1, 1, 5, 9, Outcome.NO_DIFFERENCE_DETECTED, false));
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 0.2, 0.2, 1, 0, 1, -1,
                -1, 1, 5, 9, Outcome.NO_DIFFERENCE_DETECTED, false));
        assertThrows(NullPointerException.class, () -> new Comparison(null, "b", e, e, 0.2, 0.2, 1, 0, -1, 1,
                -1, 1, 5, 9, Outcome.NO_DIFFERENCE_DETECTED, false));
    }

    @Test
    void sentencesDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("cluster is 24.0% faster than single (95% CI 20.1% to 27.9%, p < 0.001)",
                    Comparison.welch("cluster", CLUSTER, "single", SINGLE).sentence("faster", "slower"));
            assertTrue(Comparison.welch("a", new double[] {98, 99, 100, 101, 102}, "b",
                    new double[] {99, 100, 101, 102, 103}).sentence("faster", "slower").contains("(90% CI -2.8% to"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
