package corelab.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsFormatTest {
    @Test
    void percentagesKeepTwoSignificantDigitsAndAtLeastOneDecimal() {
        assertEquals("24.0%", StatsFormat.percent(24));
        assertEquals("123.4%", StatsFormat.percent(123.44));
        assertEquals("2.3%", StatsFormat.percent(2.34));
        assertEquals("0.023%", StatsFormat.percent(0.0234));
        assertEquals("0.0%", StatsFormat.percent(0));
    }

    @Test
    void pValuesKeepTwoSignificantDigitsAndSayWhenTheyAreTiny() {
        assertEquals("p = 0.41", StatsFormat.pValue(0.41));
        assertEquals("p = 0.052", StatsFormat.pValue(0.0518)); // "0.05" would read as the threshold itself
        assertEquals("p = 1.00", StatsFormat.pValue(1));
        assertEquals("p < 0.001", StatsFormat.pValue(6.1e-6));
    }

    @Test
    void roundingIsHalfUpOnTheDecimalFormAndNeverPrintsNegativeZero() {
        assertEquals("0.13", StatsFormat.fixed(0.125, 2));
        assertEquals("0", StatsFormat.fixed(-0.001, 0));
        assertEquals("?", StatsFormat.fixed(Double.NaN, 2));
        assertEquals("1234567", StatsFormat.fixed(1234567.4, 0));
    }
}
