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
 * one (in cores): what they took from it; NaN (null in the file) when it has no figure, and then
 * {@code otherServersCpuCoresReason} says why (one of the constants below), else that is null.
 * {@code tool} is null when corelab's own generator drove the trial; otherwise it names the tool and
 * what it cannot give. {@code resources} is the trial's CPU and memory in three buckets (server, downstream,
 * generator); null (absent from the JSON) for a fault run and in files written before it. {@code connections} is
 * each connection's answers and longest silence, in connection order; null (absent from the JSON) for a tool's
 * trial, a fault run and in files written before it.
 */
public record TrialResult(int index, double seconds, long completed, long sent, long intendedRequests,
                          Errors errors, double throughputPerSecond, Latency latency, Latency uncorrectedLatency,
                          ServerUsage server, GeneratorUsage generator, List<IntervalResult> intervals,
                          String histogram, String uncorrectedHistogram, double otherServersCpuCores,
                          String otherServersCpuCoresReason, ToolTrial tool,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ResourceUse resources,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<ConnectionResult> connections) {
    /** Not applicable: no other server was running (the run has one). */
    public static final String NO_OTHER_SERVERS = "no-other-servers";
    /** Not applicable: a fault run's window runs alone. */
    public static final String RUNS_ALONE = "fault-run-alone";
    /** Could not be measured: a server out of corelab's sight (a target, no /proc). */
    public static final String NOT_VISIBLE = "not-visible";
    /** Not in the file: written by a schema that did not record it, or why. */
    public static final String NOT_RECORDED = "not-recorded";

    /** A trial with its reason and no buckets: a fault run's window, and files written before them. */
    public TrialResult(int index, double seconds, long completed, long sent, long intendedRequests, Errors errors,
                       double throughputPerSecond, Latency latency, Latency uncorrectedLatency, ServerUsage server,
                       GeneratorUsage generator, List<IntervalResult> intervals, String histogram,
                       String uncorrectedHistogram, double otherServersCpuCores, String otherServersCpuCoresReason,
                       ToolTrial tool) {
        this(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram,
                otherServersCpuCores, otherServersCpuCoresReason, tool, null, null);
    }

    public TrialResult {
        if (index < 1) {
            throw new IllegalArgumentException("trial index starts at 1, was " + index);
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("a trial lasts more than 0 s, was " + seconds);
        }
        intervals = List.copyOf(intervals);
        connections = connections == null ? null : List.copyOf(connections);
        otherServersCpuCoresReason = Double.isNaN(otherServersCpuCores)
                ? (otherServersCpuCoresReason == null ? NOT_RECORDED : otherServersCpuCoresReason) : null;
    }

    /** A trial whose missing {@code otherServersCpuCores}, if it is missing, has no recorded reason, and no buckets. */
    public TrialResult(int index, double seconds, long completed, long sent, long intendedRequests, Errors errors,
                       double throughputPerSecond, Latency latency, Latency uncorrectedLatency, ServerUsage server,
                       GeneratorUsage generator, List<IntervalResult> intervals, String histogram,
                       String uncorrectedHistogram, double otherServersCpuCores, ToolTrial tool) {
        this(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram, otherServersCpuCores,
                null, tool, null, null);
    }

    public TrialResult withResources(ResourceUse buckets) {
        return new TrialResult(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram, otherServersCpuCores,
                otherServersCpuCoresReason, tool, buckets, connections);
    }

    /** This trial with each connection's answers and longest silence, in connection order. */
    public TrialResult withConnections(List<ConnectionResult> perConnection) {
        return new TrialResult(index, seconds, completed, sent, intendedRequests, errors, throughputPerSecond, latency,
                uncorrectedLatency, server, generator, intervals, histogram, uncorrectedHistogram, otherServersCpuCores,
                otherServersCpuCoresReason, tool, resources, perConnection);
    }

    public double errorPercent() {
        long attempts = completed + errors.total();
        return attempts == 0 ? 0 : 100.0 * errors.total() / attempts;
    }
}
