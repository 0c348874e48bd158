package corelab.results;

/**
 * The load generator's own cost in one trial, so that a saturated generator (one that
 * limits the figures instead of the server) can be seen and the trial marked invalid.
 *
 * @param utilization        CPU time of the generator threads over their wall time, 0 to 1
 * @param runQueueWaitShare  time they waited, runnable, for a CPU over their wall time, 0 to 1, from the kernel's
 *                           schedstat; NaN where it does not say (and in files of schema 1). A thread that waits
 *                           for a CPU is saturated too: busy and waiting together is what is judged.
 */
public record GeneratorUsage(int threads, double cpuSeconds, double utilization, double cpuMicrosPerRequest,
                             double intendedRatePerSecond, double sentRatePerSecond, double runQueueWaitShare) {
    /** CPU time and run-queue wait together over wall time: 1 means the thread never waited for work. */
    public double saturation() {
        return Double.isNaN(runQueueWaitShare) ? utilization : utilization + runQueueWaitShare;
    }
}
