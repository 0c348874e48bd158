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
     */
    @Test
    void clearlyDifferentTrialsAreASignificantDifference() {
        Comparison c = Comparison.welch("cluster", CLUSTER, "single", SINGLE);
        assertTrue(c.significant());
        assertEquals(6.103438751613375e-06, c.pValue(), 1e-12);
        assertEquals(24.0, c.differencePercent(), 1e-9);
        assertEquals(20.112258, c.differenceLowerPercent(), 1e-5);
        assertEquals(27.887742, c.differenceUpperPercent(), 1e-5);
        assertEquals(124.0, c.a().mean());
        assertEquals(100.0, c.b().mean());
        assertEquals("cluster is 24.0% faster than single (95% CI 20.1% to 27.9%)", c.sentence("faster", "slower"));
    }

    /** The same trials the other way round: (100 - 124) / 124 = -19.354839%, interval -22.490114 .. -16.219563. */
    @Test
    void aLowerFigureIsSaidWithTheLowerWordAndPositiveNumbers() {
        Comparison c = Comparison.welch("single", SINGLE, "cluster", CLUSTER);
        assertTrue(c.significant());
        assertEquals(-19.354839, c.differencePercent(), 1e-5);
        assertEquals(-22.490114, c.differenceLowerPercent(), 1e-5);
        assertEquals(-16.219563, c.differenceUpperPercent(), 1e-5);
        assertEquals("single is 19.4% slower than cluster (95% CI 16.2% to 22.5%)", c.sentence("faster", "slower"));
    }

    /**
     * {10..18 by 2} against {11..19 by 2}: both variances 10, se² = 2 + 2 = 4, t = -1/2 = -0.5,
     * df = 4² / (2²/4 + 2²/4) = 8 exactly; p = 2·P(T₈ > 0.5) = 0.63053608. The interval -37.4% .. 24.1%
     * straddles 0: a tie.
     */
    @Test
    void overlappingTrialsAreATie() {
        Comparison c = Comparison.welch("cluster", new double[] {10, 12, 14, 16, 18},
                "single", new double[] {11, 13, 15, 17, 19});
        assertFalse(c.significant());
        assertEquals(0.6305360755569764, c.pValue(), 1e-9);
        assertEquals(-6.666667, c.differencePercent(), 1e-5);
        assertEquals(-37.413388, c.differenceLowerPercent(), 1e-5);
        assertEquals(24.080055, c.differenceUpperPercent(), 1e-5);
        assertEquals("no significant difference between cluster and single (p = 0.63)", c.sentence("faster", "slower"));
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
        assertEquals("no significant difference between a and b (p = 0.16)", c.sentence("faster", "slower"));
    }

    @Test
    void fewerThanThreeTrialsOnEitherSideIsNoComparison() {
        Comparison c = Comparison.welch("cluster", new double[] {120, 128}, "single", SINGLE);
        assertTrue(Double.isNaN(c.pValue()));
        assertTrue(Double.isNaN(c.differenceLowerPercent()));
        assertTrue(Double.isNaN(c.differenceUpperPercent()));
        assertEquals(24.0, c.differencePercent(), 1e-9); // the point difference is still what it is
        assertFalse(c.significant());
        assertEquals("too few trials to compare cluster and single", c.sentence("faster", "slower"));
        Comparison none = Comparison.welch("cluster", CLUSTER, "single", new double[0]);
        assertTrue(Double.isNaN(none.differencePercent()));
        assertEquals("too few trials to compare cluster and single", none.sentence("faster", "slower"));
    }

    /** Deterministic figures (counts) have no spread: the difference is exact, not NaN and not a tie. */
    @Test
    void constantTrialsCompareExactly() {
        Comparison different = Comparison.welch("a", new double[] {5, 5, 5}, "b", new double[] {4, 4, 4});
        assertTrue(different.significant());
        assertEquals(0.0, different.pValue());
        assertEquals("a is 25.0% higher than b (95% CI 25.0% to 25.0%)", different.sentence("higher", "lower"));
        Comparison same = Comparison.welch("a", new double[] {4, 4, 4}, "b", new double[] {4, 4, 4});
        assertFalse(same.significant());
        assertEquals("no significant difference between a and b (p = 1.00)", same.sentence("higher", "lower"));
    }

    /** {10, 11, 12} against {0, 0, 0}: df = 2, interval 11 ± 4.302653·0.57735 = 11 ± 2.48; no percentage of 0. */
    @Test
    void aZeroBaselineGivesAVerdictWithoutAPercentage() {
        Comparison c = Comparison.welch("virtual", new double[] {10, 11, 12}, "platform", new double[] {0, 0, 0});
        assertTrue(c.significant());
        assertTrue(Double.isNaN(c.differencePercent()));
        assertEquals("virtual is higher than platform (no percentage: the mean of platform is 0)",
                c.sentence("higher", "lower"));
    }

    @Test
    void aComparisonBuiltByHandMustBeConsistent() {
        Estimate e = Estimate.of(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 0.2, 0, -1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 1.5, 0, -1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Comparison("a", "b", e, e, 0.2, 0, 1, -1, false));
        assertThrows(NullPointerException.class, () -> new Comparison(null, "b", e, e, 0.2, 0, -1, 1, false));
    }

    @Test
    void sentencesDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("cluster is 24.0% faster than single (95% CI 20.1% to 27.9%)",
                    Comparison.welch("cluster", CLUSTER, "single", SINGLE).sentence("faster", "slower"));
            assertEquals("no significant difference between a and b (p = 0.16)",
                    Comparison.welch("a", new double[] {10, 12, 14, 16, 18}, "b", new double[] {12, 15, 18, 21, 24})
                            .sentence("faster", "slower"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
