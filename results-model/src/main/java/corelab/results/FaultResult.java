package corelab.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a fault did to one configuration's measured window, read from its fine-grained
 * intervals ({@code sampleMillis} each). A fault run is one observation: these figures have
 * no confidence interval, and a second run would give somewhat different ones.
 *
 * @param kind                      one of {@link #KINDS}
 * @param atSeconds                 when the fault was scheduled, in seconds after the window started
 * @param firedAtSeconds            when the SIGKILL (or the reload) was actually sent, on the same clock
 * @param sampleMillis              the length of each interval of the window
 * @param killedPid                 the process killed: a worker, or the server's root; 0 for {@code reload}
 * @param killedWorkerId            the cluster worker's id for {@code kill-worker}, else null
 * @param requestsFailed            failed requests (any kind) from the kill to the end of the window
 * @param throughputBeforePerSecond mean throughput of the intervals before the kill
 * @param throughputLowestPerSecond the lowest interval's throughput after the kill
 * @param outageMillis              the longest silence between two correct answers around the kill, from the
 *                                  answers' arrival times (0: none of 10 ms or more)
 * @param recoveryMillis            from the kill until throughput was back (see docs/results-schema.md);
 *                                  null when it did not come back within the window: not guessed
 * @param restarts                  {@code kill-worker}: workers the primary brought online after the kill;
 *                                  {@code kill-server}: restarts the harness, as supervisor, made;
 *                                  {@code reload}: new workers online after the reload was asked for; the harness
 *                                  waits for them past the window's end (up to 30 s for a worker)
 * @param restartMillis             from the kill until the first replacement was ready, or for {@code reload}
 *                                  until the last new worker was (it may be after the window's end), null if none was
 * @param gaveUpExitCode            the exit code of a server that stopped by itself after the fault and was not
 *                                  restarted ({@code crash-loop}: 3, a primary that gave up), else null
 * @param gaveUpMillis              from the fault until that server had exited, else null
 */
public record FaultResult(String kind, double atSeconds, double firedAtSeconds, int sampleMillis, long killedPid,
                          Integer killedWorkerId, long requestsFailed, double throughputBeforePerSecond,
                          double throughputLowestPerSecond, long outageMillis, Long recoveryMillis, int restarts,
                          Long restartMillis,
                          // Absent, not null, in files of faults the server survived: earlier files are unchanged.
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer gaveUpExitCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long gaveUpMillis) {
    /** Back means at least this share of the throughput before the kill... */
    public static final double RECOVERED_SHARE = 0.9;
    /** ...with no failed request, held for this long. */
    public static final int RECOVERY_HOLD_MILLIS = 1000;

    /** The faults a results file may hold, in the command line's words. */
    public static final java.util.List<String> KINDS = java.util.List.of("kill-worker", "kill-server", "reload",
            "stop-worker", "stop-server", "crash-loop");

    public FaultResult {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("fault kind must be one of " + KINDS + ", was " + kind);
        }
        if (sampleMillis < 1 || requestsFailed < 0 || restarts < 0 || outageMillis < 0) {
            throw new IllegalArgumentException("a fault's counts and times cannot be negative");
        }
        if (recoveryMillis != null && recoveryMillis < 0) {
            throw new IllegalArgumentException("recoveryMillis cannot be negative, was " + recoveryMillis);
        }
        if ((gaveUpExitCode == null) != (gaveUpMillis == null) || gaveUpMillis != null && gaveUpMillis < 0) {
            throw new IllegalArgumentException("a server that gave up has both an exit code and a time (not negative),"
                    + " were " + gaveUpExitCode + " and " + gaveUpMillis);
        }
    }

    /** A fault after which the server went on, or was restarted (every file written before crash-loop existed). */
    public FaultResult(String kind, double atSeconds, double firedAtSeconds, int sampleMillis, long killedPid,
                       Integer killedWorkerId, long requestsFailed, double throughputBeforePerSecond,
                       double throughputLowestPerSecond, long outageMillis, Long recoveryMillis, int restarts,
                       Long restartMillis) {
        this(kind, atSeconds, firedAtSeconds, sampleMillis, killedPid, killedWorkerId, requestsFailed,
                throughputBeforePerSecond, throughputLowestPerSecond, outageMillis, recoveryMillis, restarts,
                restartMillis, null, null);
    }

    /** True if the server stopped by itself after the fault and was left stopped. */
    public boolean gaveUp() {
        return gaveUpExitCode != null;
    }

    public boolean recovered() {
        return recoveryMillis != null;
    }
}
