package corelab.results;

import org.HdrHistogram.Histogram;

/** Latency percentiles in microseconds, read off one histogram. */
public record Latency(long count, double meanMicros, double p50Micros, double p90Micros, double p99Micros,
                      double p999Micros, double maxMicros) {

    public Latency {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
    }

    /** NaN everywhere when the histogram is empty: no answer, no latency to report. */
    public static Latency of(Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(count, histogram.getMean(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }
}
