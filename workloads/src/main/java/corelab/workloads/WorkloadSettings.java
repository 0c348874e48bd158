package corelab.workloads;

/**
 * How big the work is when a request does not say: the server's defaults for
 * {@code cpu}, {@code io} and {@code mixed}. A request may override both in its query.
 *
 * @param cpuIterations      SplitMix64 steps per {@code cpu} request: 250,000 take about 1 ms on one core
 *                           of the 2-core machine corelab is developed on (4.2 ns a step)
 * @param backendDelayMillis how long the backend waits before it answers an {@code io} request
 */
public record WorkloadSettings(int cpuIterations, int backendDelayMillis) {
    public static final int DEFAULT_CPU_ITERATIONS = 250_000;
    public static final int DEFAULT_BACKEND_DELAY_MILLIS = 20;
    public static final int MAX_CPU_ITERATIONS = 1_000_000_000;
    public static final int MAX_BACKEND_DELAY_MILLIS = 60_000;

    public static final WorkloadSettings DEFAULTS =
            new WorkloadSettings(DEFAULT_CPU_ITERATIONS, DEFAULT_BACKEND_DELAY_MILLIS);

    public WorkloadSettings {
        checkIterations(cpuIterations);
        checkDelay(backendDelayMillis);
    }

    static int checkIterations(int iterations) {
        if (iterations < 0 || iterations > MAX_CPU_ITERATIONS) {
            throw new IllegalArgumentException(
                    "cpuIterations must be between 0 and " + MAX_CPU_ITERATIONS + ", was " + iterations);
        }
        return iterations;
    }

    static int checkDelay(int delayMillis) {
        if (delayMillis < 0 || delayMillis > MAX_BACKEND_DELAY_MILLIS) {
            throw new IllegalArgumentException(
                    "backendDelayMillis must be between 0 and " + MAX_BACKEND_DELAY_MILLIS + ", was " + delayMillis);
        }
        return delayMillis;
    }
}
