package corelab.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class EstimateTest {
    private static final double TOLERANCE = 1e-4;

    /**
     * Worked by hand: {10, 12, 14, 16, 18} has mean 14, deviations -4 -2 0 2 4, sum of squares 40,
     * variance 40/4 = 10, sd √10 = 3.16228; t(0.975, 4) = 2.776445 (tables; scipy 2.7764451051977934);
     * half-width 2.776445 · √10 / √5 = 2.776445 · √2 = 3.92649.
     */
    @Test
    void aKnownSampleGivesItsHandWorkedInterval() {
        Estimate e = Estimate.of(10, 12, 14, 16, 18);
        assertEquals(5, e.n());
        assertEquals(14.0, e.mean(), 1e-12);
        assertEquals(3.16228, e.standardDeviation(), TOLERANCE);
        assertEquals(2.7764451051977934, Estimate.tQuantile(4), 1e-8);
        assertEquals(3.92649, e.halfWidth95(), TOLERANCE);
        assertEquals(14 - 3.92649, e.lower(), TOLERANCE);
        assertEquals(14 + 3.92649, e.upper(), TOLERANCE);
        assertEquals(3.92649 / 14, e.relativeHalfWidth(), TOLERANCE);
        assertEquals("14.0 \u00b1 3.9 req/s", e.format("req/s"));
    }

    @Test
    void theOrderOfTrialsDoesNotMatter() {
        assertEquals(Estimate.of(10, 12, 14, 16, 18), Estimate.of(18, 10, 16, 12, 14));
    }

    @Test
    void oneTrialHasAMeanAndNothingElse() {
        Estimate e = Estimate.of(7);
        assertEquals(1, e.n());
        assertEquals(7.0, e.mean());
        assertTrue(Double.isNaN(e.standardDeviation()));
        assertTrue(Double.isNaN(e.halfWidth95()));
        assertTrue(Double.isNaN(e.lower()));
        assertTrue(Double.isNaN(e.upper()));
        assertTrue(Double.isNaN(e.relativeHalfWidth()));
        assertEquals("7.000 \u00b1 ? ms", e.format("ms"));
    }

    /** Two trials have a spread (sd of {10, 14} is √8 = 2.828427) but no interval worth printing. */
    @Test
    void twoTrialsHaveASpreadButNoInterval() {
        Estimate e = Estimate.of(10, 14);
        assertEquals(12.0, e.mean());
        assertEquals(Math.sqrt(8), e.standardDeviation(), 1e-12);
        assertTrue(Double.isNaN(e.halfWidth95()));
        assertEquals("12.00 \u00b1 ? ms", e.format("ms"));
    }

    @Test
    void noTrialsIsAllNaN() {
        Estimate e = Estimate.of();
        assertEquals(0, e.n());
        assertTrue(Double.isNaN(e.mean()));
        assertTrue(Double.isNaN(e.standardDeviation()));
        assertTrue(Double.isNaN(e.halfWidth95()));
        assertEquals("? \u00b1 ? req/s", e.format("req/s"));
    }

    @Test
    void identicalTrialsHaveNoSpreadAndANoughtInterval() {
        Estimate e = Estimate.of(250, 250, 250, 250);
        assertEquals(250.0, e.mean());
        assertEquals(0.0, e.standardDeviation());
        assertEquals(0.0, e.halfWidth95());
        assertEquals(0.0, e.relativeHalfWidth());
        assertEquals("250.0 \u00b1 0.0 req/s", e.format("req/s"));
        // 0.1 is not exact in binary; the mean must still come back to it and the spread to zero
        Estimate tenth = Estimate.of(0.1, 0.1, 0.1, 0.1, 0.1);
        assertEquals(0.1, tenth.mean());
        assertEquals(0.0, tenth.halfWidth95());
    }

    @Test
    void aTrialWithoutAFigureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(1, Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(1, 2, Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> Estimate.of((double[]) null));
    }

    @Test
    void anEstimateBuiltByHandCannotCarryAGuessedError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Estimate(12, 1.5, 2, 2.8));
        assertTrue(e.getMessage().contains("must be NaN rather than a guess"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Estimate(12, Double.NaN, 5, 2.8));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(12, -1, 5, 2.8));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(12, Double.NaN, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(12, Double.NaN, 0, Double.NaN));
    }

    /** The half-width keeps two significant digits and the mean is rounded to the same decimal. */
    @Test
    void theMeanIsPrintedToTheDigitsItsErrorAllows() {
        assertEquals("12346 \u00b1 210 req/s", new Estimate(12345.678, 210.3, 5, 169.4).format("req/s"));
        assertEquals("0.01235 \u00b1 0.00041 s", new Estimate(0.012345, 0.00041, 5, 0.0003).format("s"));
        assertEquals("-3.25 \u00b1 0.12 ms", new Estimate(-3.2468, 0.1234, 10, 0.17).format("ms"));
        assertEquals("14.0 \u00b1 3.9", Estimate.of(10, 12, 14, 16, 18).format(""));
        assertEquals("14.0 \u00b1 3.9", Estimate.of(10, 12, 14, 16, 18).format(null));
    }

    @Test
    void formattingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("12346 \u00b1 210 req/s", new Estimate(12345.678, 210.3, 5, 169.4).format("req/s"));
            assertEquals("14.0 \u00b1 3.9 req/s", Estimate.of(10, 12, 14, 16, 18).format("req/s"));
            assertEquals("7.000 \u00b1 ? ms", Estimate.of(7).format("ms"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
