package corelab.reports;

import java.util.Optional;

/**
 * The theoretical ceilings drawn on the sweep charts, each with where its figures come from.
 * A measured line that reaches its ceiling has nothing left to gain from the server; one that
 * stays far below it is held back by something the limit leaves out.
 */
final class Limits {
    /**
     * corelab's own estimate of one SplitMix64 kernel step, used when nothing better is known:
     * 250,000 steps take about 1 ms on one core of the machine the README was written on.
     */
    static final double ESTIMATED_SECONDS_PER_ITERATION = 4.2e-9;

    /** A ceiling in requests per second, and a phrase saying how it was obtained. */
    record Limit(double requestsPerSecond, String source) {
    }

    private Limits() {
    }

    /**
     * Little's law for the io workload under closed load: {@code concurrency} requests in flight,
     * each held at least {@code delayMillis} by the backend, cannot complete faster than
     * concurrency / delay per second, however many cores the server has.
     */
    static Limit littlesLaw(double concurrency, double delayMillis) {
        return new Limit(concurrency / (delayMillis / 1000.0),
                "Little's law: concurrency / backend delay (" + Numbers.compact(delayMillis) + " ms)");
    }

    /**
     * The cpu workload cannot be answered faster than {@code cores} times the rate of one core.
     * That rate is {@code measured} when given (rescaled to {@code cpuIterations}), else corelab's
     * estimate of 1 / (cpuIterations x 4.2 ns).
     */
    static Limit cpu(int cores, int cpuIterations, Optional<SingleCoreRate> measured) {
        double perCore;
        String source;
        if (measured.isPresent()) {
            SingleCoreRate rate = measured.get();
            perCore = rate.requestsPerSecond() * rate.cpuIterations() / cpuIterations;
            source = "measured single-core rate (" + rate.source() + ")";
            if (rate.cpuIterations() != cpuIterations) {
                source += ", rescaled from " + rate.cpuIterations() + " iterations";
            }
        } else {
            perCore = 1 / (cpuIterations * ESTIMATED_SECONDS_PER_ITERATION);
            source = "estimated single-core rate 1 / (" + cpuIterations + " iterations x 4.2 ns), not measured";
        }
        return new Limit(cores * perCore, cores + " x " + Numbers.compact(perCore) + " req/s: " + source);
    }
}
