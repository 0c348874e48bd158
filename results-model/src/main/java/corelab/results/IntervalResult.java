package corelab.results;

/**
 * One second (about) of a trial, or 100 ms of a fault run's window: the time series that
 * shows dips, stalls and error bursts.
 * {@code histogram} is the interval's full latency histogram (see {@link Histograms}).
 */
public record IntervalResult(double startSeconds, double seconds, long completed, long errors,
                             double throughputPerSecond, double p50Micros, double p99Micros, double maxMicros,
                             double serverCpuCores, long serverRssBytes, double generatorUtilization,
                             String histogram) {
}
