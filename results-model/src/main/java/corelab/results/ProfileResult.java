package corelab.results;

import java.util.List;
import java.util.Objects;

/**
 * What async-profiler sampled in a server during a configuration's measured trials (not its
 * warmup), with {@code -Dprofile=}. {@code event} is the word given ({@code cpu}, {@code ctimer},
 * {@code wall}, ...), {@code engine} what sampled ({@code perf_events}, or {@code itimer} or
 * {@code ctimer}, timers that see no kernel frames). {@code flameGraph} and {@code collapsed}
 * are files relative to the results folder: the server's own for one process, the merged
 * stacks of every process for a cluster, whose {@code processes} each have theirs too.
 * A profiled configuration's figures include the profiler's cost: they are never ranked
 * against an unprofiled configuration's. With {@code -Dprofile=jfr} alone, async-profiler did not
 * run: {@code engine}, {@code flameGraph} and {@code collapsed} are null, {@code processes} empty.
 * {@code flightRecording}: the JDK Flight Recorder's, with jfr; null without (and in older files).
 */
public record ProfileResult(String event, String engine, long samples, String flameGraph, String collapsed,
                            List<ProcessProfile> processes, FlightRecordingResult flightRecording) {
    public ProfileResult {
        Objects.requireNonNull(event, "event");
        if ((engine == null) != (flameGraph == null) || (flameGraph == null) != (collapsed == null)) {
            throw new IllegalArgumentException("an engine, a flame graph and collapsed stacks come together");
        }
        if (engine == null && flightRecording == null) {
            throw new IllegalArgumentException("a profile holds async-profiler's samples, a flight recording, or both");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, was " + samples);
        }
        processes = List.copyOf(processes);
    }

    /** async-profiler's alone: no flight recording. */
    public ProfileResult(String event, String engine, long samples, String flameGraph, String collapsed,
                         List<ProcessProfile> processes) {
        this(event, engine, samples, flameGraph, collapsed, processes, null);
    }

    /** Whether async-profiler sampled: a flame graph to show. */
    public boolean sampled() {
        return flameGraph != null;
    }

    /**
     * One JVM of the server: {@code workerId} 0 for a single process or a cluster's primary.
     * {@code role} says which: {@code server}, {@code primary} or {@code worker}.
     */
    public record ProcessProfile(String role, int workerId, long pid, long samples, String flameGraph,
                                 String collapsed) {
        public ProcessProfile {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(flameGraph, "flameGraph");
            Objects.requireNonNull(collapsed, "collapsed");
        }
    }
}
