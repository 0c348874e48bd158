package corelab.results;

/**
 * The load generator's own cost in one trial, so that a saturated generator (one that
 * limits the figures instead of the server) can be seen and the trial marked invalid.
 *
 * @param utilization        CPU time of the generator threads over their wall time, 0 to 1
 * @param runQueueWaitShare  time they waited, runnable, for a CPU over their wall time, 0 to 1, from the kernel's
 *                           schedstat; NaN (null in the file) when unknown, and then {@code runQueueWaitShareReason}
 *                           says why (a constant below), else that is null. A thread that waits for a CPU is
 *                           saturated too: busy and waiting together is what is judged.
 */
public record GeneratorUsage(int threads, double cpuSeconds, double utilization, double cpuMicrosPerRequest,
                             double intendedRatePerSecond, double sentRatePerSecond, double runQueueWaitShare,
                             String runQueueWaitShareReason) {
    /** Not measured: a tool's trial (-Dgenerator=wrk|ab|ab-k); corelab does not read the tool's threads' wait. */
    public static final String TOOL_NOT_SAMPLED = "tool-not-sampled";
    /** Could not be measured: the kernel gives no schedstat (no /proc, or schedstats off). */
    public static final String NO_SCHEDSTAT = "no-schedstat";

    public GeneratorUsage {
        runQueueWaitShareReason = Double.isNaN(runQueueWaitShare)
                ? (runQueueWaitShareReason == null ? TrialResult.NOT_RECORDED : runQueueWaitShareReason) : null;
    }

    /** A generator whose missing run-queue wait, if it is missing, has no recorded reason. */
    public GeneratorUsage(int threads, double cpuSeconds, double utilization, double cpuMicrosPerRequest,
                          double intendedRatePerSecond, double sentRatePerSecond, double runQueueWaitShare) {
        this(threads, cpuSeconds, utilization, cpuMicrosPerRequest, intendedRatePerSecond, sentRatePerSecond,
                runQueueWaitShare, null);
    }

    /** CPU time and run-queue wait together over wall time: 1 means the thread never waited for work. */
    public double saturation() {
        return Double.isNaN(runQueueWaitShare) ? utilization : utilization + runQueueWaitShare;
    }
}
