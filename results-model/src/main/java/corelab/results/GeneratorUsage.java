package corelab.results;

/**
 * The load generator's own cost in one trial, so that a saturated generator (one that
 * limits the figures instead of the server) can be seen and the trial marked invalid.
 *
 * @param utilization CPU time of the generator threads over their wall time, 0 to 1
 */
public record GeneratorUsage(int threads, double cpuSeconds, double utilization, double cpuMicrosPerRequest,
                             double intendedRatePerSecond, double sentRatePerSecond) {
}
