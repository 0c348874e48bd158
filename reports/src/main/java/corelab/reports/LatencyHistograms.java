package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.Histograms;
import corelab.results.TrialResult;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms read back from saved results. Histograms add up, so a configuration's
 * spectrum is that of all its trials' requests together, not an average of percentiles
 * (which has no meaning).
 */
final class LatencyHistograms {
    private LatencyHistograms() {
    }

    /** All trials' corrected latencies together; null when no trial saved a histogram. */
    static Histogram corrected(ConfigurationResult c) {
        return merged(c, TrialResult::histogram, "histogram");
    }

    /** All trials' uncorrected latencies (open load: from when each request was sent); null if none saved. */
    static Histogram uncorrected(ConfigurationResult c) {
        return merged(c, TrialResult::uncorrectedHistogram, "uncorrectedHistogram");
    }

    /** Latency in microseconds at percentile {@code percent} (0 to 100). */
    static double valueAt(Histogram histogram, double percent) {
        return histogram.getValueAtPercentile(percent);
    }

    static Histogram decode(String encoded, String where) {
        try {
            return Histograms.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new DamagedResultsException(where + " cannot be decoded (" + e.getMessage() + ")", e);
        }
    }

    private static Histogram merged(ConfigurationResult c, Function<TrialResult, String> field, String name) {
        Histogram merged = null;
        for (TrialResult trial : c.trials()) {
            String encoded = field.apply(trial);
            if (encoded == null) {
                continue;
            }
            Histogram histogram = decode(encoded, "the " + name + " of " + c.configuration().id() + " trial "
                    + trial.index());
            if (merged == null) {
                // Auto-resizing, so a histogram saved with a wider range than ours still adds up.
                merged = new Histogram(Histograms.SIGNIFICANT_DIGITS);
            }
            merged.add(histogram);
        }
        return merged == null || merged.getTotalCount() == 0 ? null : merged;
    }
}
