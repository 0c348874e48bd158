package corelab.results;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as saved in {@code results.json}: the schema version, the
 * resolved options and provenance, how the trials were ordered ({@code schedule}, null in files of
 * schema 1 and for a run with no interleaved trial), what its limits rest on ({@code calibration}, null
 * when not measured), then configuration -> trial -> interval, and the capacity at a latency target
 * ({@code capacity}, null unless {@code -Dp99TargetMillis} was given). A run saved
 * while still going, or cut short, says so in {@code status}; what it measured is kept.
 */
public record RunResult(int schemaVersion, String runId, Status status, String failure, String startedAt,
                        String endedAt, Provenance provenance, Map<String, String> options, RunSchedule schedule,
                        Calibration calibration,
                        List<ConfigurationResult> configurations, List<ComparisonResult> comparisons,
                        Capacity capacity) {

    /** The schema this code writes; see docs/results-schema.md. Bump it on any incompatible change. */
    public static final int SCHEMA_VERSION = 3;
    /** Comparisons with Holm's correction, an equivalence margin and outcomes; older files are compared again. */
    static final int FIRST_VERSION_WITH_EQUIVALENCE = 2;

    public enum Status {
        /** saved part-way; the run was still going */
        RUNNING,
        /** every configuration was measured */
        COMPLETE,
        /** stopped by the user (Ctrl-C) or a signal; what was finished is here */
        INTERRUPTED,
        /** stopped by an error, given in {@code failure}; what was finished is here */
        FAILED
    }

    public RunResult {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        if (runId == null || runId.isBlank() || status == null || provenance == null) {
            throw new IllegalArgumentException("runId, status and provenance are required");
        }
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options)); // keeps the given order
        configurations = List.copyOf(configurations);
        comparisons = List.copyOf(comparisons);
    }

    /** Without a capacity: no latency target was given. */
    public RunResult(int schemaVersion, String runId, Status status, String failure, String startedAt, String endedAt,
                     Provenance provenance, Map<String, String> options, RunSchedule schedule, Calibration calibration,
                     List<ConfigurationResult> configurations, List<ComparisonResult> comparisons) {
        this(schemaVersion, runId, status, failure, startedAt, endedAt, provenance, options, schedule, calibration,
                configurations, comparisons, null);
    }
}
