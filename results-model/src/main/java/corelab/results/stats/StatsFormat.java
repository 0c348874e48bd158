package corelab.results.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as corelab's reports print them. The text never depends on the default locale: under
 * {@code Locale.GERMANY}, {@code String.format("%.1f", 12.5)} gives "12,5", and the same run would then
 * read differently on two machines. {@link BigDecimal#toPlainString()} has no locale at all, always
 * writes '.' and never groups thousands ("12,345" reads as twelve-point-three to half the world).
 */
final class StatsFormat {
    static final String PLUS_MINUS = "\u00b1";
    /** Printed in place of a figure that is NaN, so that no one mistakes "NaN" for a result. */
    static final String UNKNOWN = "?";
    /** p-values below this are printed as a bound: further digits are float noise, not evidence. */
    private static final double SMALLEST_PRINTED_P = 0.001;
    /** Past this many decimals the digits describe the double, not the measurement. */
    private static final int MAX_DECIMALS = 12;

    private StatsFormat() {
    }

    /** How many decimals show {@code value} with {@code significantDigits}, but never fewer than {@code minDecimals}. */
    static int decimalsFor(double value, int significantDigits, int minDecimals) {
        double magnitude = Math.abs(value);
        if (magnitude == 0 || !Double.isFinite(magnitude)) {
            return minDecimals;
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        return Math.min(MAX_DECIMALS, Math.max(minDecimals, significantDigits - 1 - exponent));
    }

    /** {@code value} with exactly {@code decimals} decimals, rounded half up as by hand; "?" for NaN. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return UNKNOWN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        // valueOf goes through the shortest decimal form of the double, so 0.125 rounds to 0.13 as a reader
        // expects; BigDecimal has no negative zero, so -0.001 at no decimals prints "0", not "-0".
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage to two significant digits and at least one decimal: "24.0%", "0.023%". */
    static String percent(double value) {
        return fixed(value, decimalsFor(value, 2, 1)) + "%";
    }

    /** "p = 0.41", "p = 0.052", "p < 0.001". */
    static String pValue(double p) {
        if (p < SMALLEST_PRINTED_P) {
            return "p < " + fixed(SMALLEST_PRINTED_P, 3);
        }
        return "p = " + fixed(p, decimalsFor(p, 2, 2));
    }
}
