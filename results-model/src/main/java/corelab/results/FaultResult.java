package corelab.results;

/**
 * What a fault did to one configuration's measured window, read from its fine-grained
 * intervals ({@code sampleMillis} each). A fault run is one observation: these figures have
 * no confidence interval, and a second run would give somewhat different ones.
 *
 * @param kind                      {@code kill-worker} or {@code kill-server}
 * @param atSeconds                 when the fault was scheduled, in seconds after the window started
 * @param firedAtSeconds            when the SIGKILL was actually sent, on the same clock
 * @param sampleMillis              the length of each interval of the window
 * @param killedPid                 the process killed: a worker, or the server's root
 * @param killedWorkerId            the cluster worker's id for {@code kill-worker}, else null
 * @param requestsFailed            failed requests (any kind) from the kill to the end of the window
 * @param throughputBeforePerSecond mean throughput of the intervals before the kill
 * @param throughputLowestPerSecond the lowest interval's throughput after the kill
 * @param outageMillis              the longest silence between two correct answers around the kill, from the
 *                                  answers' arrival times (0: none of 10 ms or more)
 * @param recoveryMillis            from the kill until throughput was back (see docs/results-schema.md);
 *                                  null when it did not come back within the window: not guessed
 * @param restarts                  {@code kill-worker}: workers the primary brought online after the kill;
 *                                  {@code kill-server}: restarts the harness, as supervisor, made; the harness
 *                                  waits for them past the window's end (up to 30 s for a worker)
 * @param restartMillis             from the kill until the first replacement was ready (it may be after the
 *                                  window's end), null if none was
 */
public record FaultResult(String kind, double atSeconds, double firedAtSeconds, int sampleMillis, long killedPid,
                          Integer killedWorkerId, long requestsFailed, double throughputBeforePerSecond,
                          double throughputLowestPerSecond, long outageMillis, Long recoveryMillis, int restarts,
                          Long restartMillis) {
    /** Back means at least this share of the throughput before the kill... */
    public static final double RECOVERED_SHARE = 0.9;
    /** ...with no failed request, held for this long. */
    public static final int RECOVERY_HOLD_MILLIS = 1000;

    public FaultResult {
        if (!"kill-worker".equals(kind) && !"kill-server".equals(kind)) {
            throw new IllegalArgumentException("fault kind must be kill-worker or kill-server, was " + kind);
        }
        if (sampleMillis < 1 || requestsFailed < 0 || restarts < 0 || outageMillis < 0) {
            throw new IllegalArgumentException("a fault's counts and times cannot be negative");
        }
        if (recoveryMillis != null && recoveryMillis < 0) {
            throw new IllegalArgumentException("recoveryMillis cannot be negative, was " + recoveryMillis);
        }
    }

    public boolean recovered() {
        return recoveryMillis != null;
    }
}
