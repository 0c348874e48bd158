package corelab.results;

import corelab.results.stats.Comparison;

/** Two configurations that differ only in mode, compared on {@code metric} (see {@link Comparisons}). */
public record ComparisonResult(String workload, String load, String metric, Comparison comparison, String sentence) {
}
