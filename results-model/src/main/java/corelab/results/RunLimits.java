package corelab.results;

import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ceilings a configuration cannot pass, from the run's own {@link Calibration}, and the check that
 * none was passed. A measured figure above its limit by more than the limit's interval means the limit
 * or the measurement is wrong; it is reported as a broken limit, never silently drawn.
 */
public final class RunLimits {
    /**
     * A ceiling in requests per second with the half-width of its 95% interval, and how it was obtained.
     */
    public record Limit(double requestsPerSecond, double halfWidth95, String source) {
        /** The highest value the limit's interval allows; a figure above it breaks the limit. */
        public double upper() {
            return Double.isNaN(halfWidth95) ? requestsPerSecond : requestsPerSecond + halfWidth95;
        }
    }

    private RunLimits() {
    }

    /**
     * The cpu workload: {@code coresAllowed} times the kernel's single-core rate, rescaled to the
     * configuration's iterations (the kernel's cost is linear in them). Empty for other workloads.
     */
    public static Optional<Limit> cpu(Configuration c, Calibration calibration) {
        if (!c.workload().equals("cpu") || c.cpuIterations() == null || calibration == null) {
            return Optional.empty();
        }
        Estimate rate = calibration.kernelRequestsPerCpuSecond();
        if (rate.n() == 0) {
            return Optional.empty();
        }
        double scale = (double) c.coresAllowed() * calibration.cpuIterations() / c.cpuIterations();
        return Optional.of(new Limit(rate.mean() * scale, rate.halfWidth95() * scale, String.format(Locale.ROOT,
                "%d x the kernel's single-core rate measured in this run (%s per CPU-second at %d iterations)",
                c.coresAllowed(), rate.format("req"), calibration.cpuIterations())));
    }

    /**
     * Little's law for the io workload under closed load: {@code concurrency} requests in flight, each held
     * one backend round trip at least, cannot complete faster than concurrency / round trip per second.
     */
    public static Optional<Limit> littlesLaw(Configuration c, Calibration calibration) {
        if (!c.workload().equals("io") || !c.loadModel().equals("closed") || calibration == null
                || c.backendDelayMillis() == null || !c.backendDelayMillis().equals(calibration.backendDelayMillis())) {
            return Optional.empty();
        }
        Estimate roundTrip = calibration.backendRoundTripMillis();
        if (roundTrip.n() == 0) {
            return Optional.empty();
        }
        double limit = c.concurrency() / (roundTrip.mean() / 1000);
        // The interval of a reciprocal: the shortest plausible round trip gives the highest plausible limit.
        double upper = Double.isNaN(roundTrip.halfWidth95()) || roundTrip.lower() <= 0 ? Double.NaN
                : c.concurrency() / (roundTrip.lower() / 1000);
        return Optional.of(new Limit(limit, upper - limit, String.format(Locale.ROOT,
                "Little's law: %d connections / the backend round trip measured in this run (%s)",
                c.concurrency(), roundTrip.format("ms"))));
    }

    /** Every valid configuration whose mean throughput lies above its limit's interval, in plain words. */
    public static List<String> broken(RunResult run) {
        List<String> broken = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            if (c.fault() != null || !c.verdict().valid()) {
                continue;
            }
            Estimate measured = c.summary().throughputPerSecond();
            for (Optional<Limit> limit : List.of(cpu(c.configuration(), run.calibration()),
                    littlesLaw(c.configuration(), run.calibration()))) {
                if (limit.isPresent() && measured.mean() > limit.get().upper()) {
                    broken.add(String.format(Locale.ROOT, "BROKEN LIMIT: %s measured %s, above its limit of %.0f"
                                    + " req/s (up to %.0f with its interval), %s: the limit or the measurement is wrong",
                            c.configuration().id(), measured.format("req/s"), limit.get().requestsPerSecond(),
                            limit.get().upper(), limit.get().source()));
                }
            }
        }
        return broken;
    }
}
