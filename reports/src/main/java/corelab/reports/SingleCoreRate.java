package corelab.reports;

/**
 * A measured rate of the {@code cpu} workload on one core: how many requests of
 * {@code cpuIterations} kernel steps one core answers per second. The cpu limit line in the
 * sweep charts uses it in place of corelab's built-in estimate; the benchmarks of corelab
 * itself (JMH) are meant to supply it. The kernel's cost is linear in its iterations, so a
 * rate measured at one iteration count is rescaled to another.
 *
 * @param source where the figure comes from, printed in the chart's caption (e.g. "JMH, 2026-11-21")
 */
public record SingleCoreRate(int cpuIterations, double requestsPerSecond, String source) {
    public SingleCoreRate {
        if (cpuIterations < 1 || !(requestsPerSecond > 0) || !Double.isFinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a single-core rate needs cpuIterations >= 1 and a positive rate, was "
                    + cpuIterations + " iterations at " + requestsPerSecond + " req/s");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("say where the single-core rate comes from");
        }
    }
}
