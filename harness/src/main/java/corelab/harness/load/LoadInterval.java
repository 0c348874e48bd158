package corelab.harness.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What the load generator saw between two {@link LoadGenerator#sample()} calls. Only correct
 * answers are {@code completed} and only they are in the histograms; every other outcome is
 * counted under its own name, never dropped.
 *
 * @param startNanos               {@link System#nanoTime()} when the interval began
 * @param endNanos                 {@link System#nanoTime()} when it ended
 * @param sent                     requests written
 * @param completed                200 answers with exactly the expected body
 * @param intendedRequests         open: requests whose due time fell in the interval, sent or not;
 *                                 closed: equal to {@code sent}
 * @param wrongAnswers             200 answers with another body
 * @param statusErrors             answers with a status other than 200
 * @param timeouts                 requests left unanswered for the request timeout
 * @param connectionErrors         failed connects, resets, early closes, malformed answers
 * @param latencyMicros            open: from when each request was due (coordinated omission
 *                                 corrected); closed: from when it was sent
 * @param uncorrectedLatencyMicros from when each request was actually sent
 * @param generatorCpuNanos        CPU time the generator threads used in the interval
 * @param generatorThreads         how many generator threads there were
 * @param generatorRunQueueWaitNanos how long the generator threads waited, runnable, for a CPU in the interval;
 *                                 -1 where the kernel does not say
 */
public record LoadInterval(long startNanos, long endNanos, long sent, long completed, long intendedRequests,
                           long wrongAnswers, long statusErrors, long timeouts, long connectionErrors,
                           Histogram latencyMicros, Histogram uncorrectedLatencyMicros,
                           long generatorCpuNanos, int generatorThreads, long generatorRunQueueWaitNanos) {

    public LoadInterval {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("an interval cannot end (" + endNanos + ") before it starts (" + startNanos + ")");
        }
        if (sent < 0 || completed < 0 || intendedRequests < 0 || wrongAnswers < 0 || statusErrors < 0
                || timeouts < 0 || connectionErrors < 0 || generatorCpuNanos < 0) {
            throw new IllegalArgumentException("counts cannot be negative: sent=" + sent + " completed=" + completed
                    + " intendedRequests=" + intendedRequests + " wrongAnswers=" + wrongAnswers
                    + " statusErrors=" + statusErrors + " timeouts=" + timeouts
                    + " connectionErrors=" + connectionErrors + " generatorCpuNanos=" + generatorCpuNanos);
        }
        if (latencyMicros == null || uncorrectedLatencyMicros == null) {
            throw new IllegalArgumentException("both latency histograms are required");
        }
        if (generatorThreads < 1) {
            throw new IllegalArgumentException("generatorThreads must be at least 1, was " + generatorThreads);
        }
    }

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** Correct answers per second; NaN for an interval of no length. */
    public double throughputPerSecond() {
        return endNanos > startNanos ? completed / seconds() : Double.NaN;
    }

    public long errors() {
        return wrongAnswers + statusErrors + timeouts + connectionErrors;
    }

    /**
     * The share of the generator threads' time spent on the CPU, 0 to 1. Near 1 the
     * generator, not the server, may be what limits the rate, and the figures mislead.
     */
    public double generatorUtilization() {
        if (endNanos == startNanos) {
            return Double.NaN;
        }
        double utilization = generatorCpuNanos / ((double) (endNanos - startNanos) * generatorThreads);
        // CPU time and wall time are read at slightly different moments, so a busy thread can show 1.001.
        return Math.min(1.0, utilization);
    }

    /** One line: the histograms' own {@code toString} lists every bucket. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LoadInterval[%.3f s, sent=%d, completed=%d, intended=%d, wrongAnswers=%d,"
                        + " statusErrors=%d, timeouts=%d, connectionErrors=%d, latency p50=%d p99=%d max=%d us,"
                        + " uncorrected p50=%d p99=%d max=%d us, generator %.1f%% of %d threads]",
                seconds(), sent, completed, intendedRequests, wrongAnswers, statusErrors, timeouts, connectionErrors,
                latencyMicros.getValueAtPercentile(50), latencyMicros.getValueAtPercentile(99), latencyMicros.getMaxValue(),
                uncorrectedLatencyMicros.getValueAtPercentile(50), uncorrectedLatencyMicros.getValueAtPercentile(99),
                uncorrectedLatencyMicros.getMaxValue(), 100 * generatorUtilization(), generatorThreads);
    }
}
