package corelab.reports;

import corelab.results.stats.Estimate;
import java.util.Locale;

/**
 * Figures as the report prints them, always under {@link Locale#ROOT} (a decimal point, no
 * thousands separators) so a report reads the same on every machine. A missing figure is "?".
 */
final class Numbers {
    static final String UNKNOWN = "?";

    private Numbers() {
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** About three significant digits, never fewer than the integer digits: 12346, 951, 20.5, 1.25, 0.0420, 90. */
    static String compact(double value) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return fixed(value, 0);
        }
        if (magnitude >= 10) {
            return fixed(value, 1);
        }
        if (magnitude >= 1) {
            return fixed(value, 2);
        }
        return fixed(value, Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude))));
    }

    static String percent(double value) {
        return compact(value) + "%";
    }

    /** "p = 0.41", "p = 0.052", "p < 0.001", as the harness prints p-values. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p = " + UNKNOWN;
        }
        if (p < 0.001) {
            return "p < 0.001";
        }
        int decimals = Math.max(2, 1 - (int) Math.floor(Math.log10(p)));
        return "p = " + fixed(p, decimals);
    }

    /** The same estimate in another unit: bytes to MB, microseconds to milliseconds. */
    static Estimate scaled(Estimate estimate, double factor) {
        return new Estimate(estimate.mean() * factor, estimate.halfWidth95() * factor, estimate.n(),
                estimate.standardDeviation() * factor);
    }
}
