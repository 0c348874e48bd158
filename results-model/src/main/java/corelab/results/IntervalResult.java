package corelab.results;

/**
 * One second (about) of a trial, or 100 ms of a fault run's window: the time series that
 * shows dips, stalls and error bursts.
 * {@code startSeconds} is from the trial's start; {@code startEpochMillis} is the same moment on the wall clock
 * (milliseconds since 1970-01-01T00:00Z, as HdrHistogram's logs and pandas' {@code unit="ms"} take it), so that
 * intervals of different trials, configurations and runs line up; null in files of schema 1 and 2.
 * {@code histogram} is the interval's full latency histogram (see {@link Histograms}).
 */
public record IntervalResult(double startSeconds, Long startEpochMillis, double seconds, long completed, long errors,
                             double throughputPerSecond, double p50Micros, double p99Micros, double maxMicros,
                             double serverCpuCores, long serverRssBytes, double generatorUtilization,
                             String histogram) {

    /** An interval whose wall-clock start is not known. */
    public IntervalResult(double startSeconds, double seconds, long completed, long errors, double throughputPerSecond,
                          double p50Micros, double p99Micros, double maxMicros, double serverCpuCores,
                          long serverRssBytes, double generatorUtilization, String histogram) {
        this(startSeconds, null, seconds, completed, errors, throughputPerSecond, p50Micros, p99Micros, maxMicros,
                serverCpuCores, serverRssBytes, generatorUtilization, histogram);
    }
}
