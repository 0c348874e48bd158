package corelab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One measured trial. {@code latency} is the latency the model defines (for open load,
 * from when each request was due); {@code uncorrectedLatency} is from when it was sent,
 * kept so that the coordinated-omission correction can be seen. {@code server} is null
 * when corelab did not start the server ({@code -Dtarget=}). Histograms are encoded by
 * {@link Histograms} so any percentile can be recomputed later. {@code otherServersCpuCores} is the CPU
 * that the run's other servers, kept running while idle between their own trials, used during this
 * one (in cores; NaN when there were none or corelab cannot see them): what they took from it.
 * {@code tool} is null when corelab's own generator drove the trial; otherwise it names the tool and
 * what it cannot give. {@code resources} is the trial's CPU and memory in three buckets (server, downstream,
 * generator); null (absent from the JSON) for a fault run and in files written before it.
 */
public record TrialResult(int index, double seconds, long completed, long sent, long intendedRequests,
                          Errors errors, double throughputPerSecond, Latency latency, Latency uncorrectedLatency,
                          ServerUsage server, GeneratorUsage generator, List<IntervalResult> intervals,
                          String histogram, String uncorrectedHistogram, double otherServersCpuCores,
                          ToolTrial tool, @JsonInclude(JsonInclude.Include.NON_NULL) ResourceUse resources) {
    public TrialResult {
        if (index < 1) {
            throw new IllegalArgumentException("trial index starts at 1, was " + index);
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("a trial lasts more than 0 s, was " + seconds);
        }
        intervals = List.copyOf(intervals);
    }

    /** Without the buckets: a fault run's window, and files written before them. */
    public TrialResult(int index, double seconds, long completed, long sent, long intendedRequests, Errors errors,
                       double throughputPerSecond, Latency latency, Latency uncorrectedLatency, ServerUsage server,
                       GeneratorUsage generator, List<IntervalResult> intervals, String histogram,
                       String uncorrectedHistogram, double otherServersCpuCores, ToolTrial tool) {
        this(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram, otherServersCpuCores,
                tool, null);
    }

    public TrialResult withResources(ResourceUse buckets) {
        return new TrialResult(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram, otherServersCpuCores,
                tool, buckets);
    }

    public double errorPercent() {
        long attempts = completed + errors.total();
        return attempts == 0 ? 0 : 100.0 * errors.total() / attempts;
    }
}
