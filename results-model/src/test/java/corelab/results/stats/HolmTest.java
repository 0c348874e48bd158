package corelab.results.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holm's correction, and a family of comparisons corrected together; reference figures from R and scipy. */
class HolmTest {
    /**
     * R: {@code p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")} = 0.03 0.06 0.06 0.02. By hand: sorted
     * 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04, raised to the running maximum 0.06.
     */
    @Test
    void adjustsAsRDoes() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(0.01, 0.04, 0.03, 0.005), 1e-12);
    }

    @Test
    void capsAtOneAndLeavesUnknownPValuesOutOfTheFamily() {
        double[] adjusted = Holm.adjust(0.6, Double.NaN, 0.7);
        assertEquals(1.0, adjusted[0]); // 0.6 · 2 capped
        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(1.0, adjusted[2]);
        assertArrayEquals(new double[] {0.2}, Holm.adjust(0.2), 0);
    }

    /**
     * Three pairs, raw Welch p-values (scipy.stats.ttest_ind(a, b, equal_var=False)): {10..18 by 2} against
     * {15..23 by 2}: t = -2.5, df = 8, p = 0.036942038, a 26% difference that is significant alone; against
     * {11..19 by 2}: p = 0.63053608; against {12..20 by 2}: p = 0.34659351. Holm over three: 0.036942038·3 =
     * 0.110826114, then max(0.34659351·2, ·) = 0.69318702 for both others. The first is no longer significant:
     * "no difference detected", and the detectable difference is computed at 5%/3:
     * (t(1 - 0.05/6, 8) + t(0.8, 8)) · 2 / 19 = 41.101593%.
     */
    @Test
    void aDifferenceSignificantAloneIsNotSignificantInItsFamily() {
        double[] a = {10, 12, 14, 16, 18};
        double[] far = {15, 17, 19, 21, 23};
        Comparison alone = Comparison.welch("a", a, "far", far);
        assertEquals(Outcome.DIFFERENT, alone.outcome());
        List<Comparison> family = ComparisonFamily.compare(List.of(
                new ComparisonFamily.Pair("a", a, "far", far),
                new ComparisonFamily.Pair("a", a, "near", new double[] {11, 13, 15, 17, 19}),
                new ComparisonFamily.Pair("a", a, "mid", new double[] {12, 14, 16, 18, 20})), 5.0);
        assertEquals(0.036942038, family.get(0).pValue(), 1e-8);
        assertEquals(0.110826114, family.get(0).holmPValue(), 1e-8);
        assertEquals(0.69318702, family.get(1).holmPValue(), 1e-7);
        assertEquals(0.69318702, family.get(2).holmPValue(), 1e-7);
        assertFalse(family.get(0).significant());
        assertEquals(Outcome.NO_DIFFERENCE_DETECTED, family.get(0).outcome());
        assertEquals(3, family.get(0).familySize());
        assertEquals(41.101593, family.get(0).detectablePercent(), 1e-5);
        assertTrue(family.get(0).sentence("faster", "slower").contains("(Holm p = 0.11 over 3 comparisons; the run could detect 41.1% with"),
                family.get(0).sentence("faster", "slower"));
    }
}
