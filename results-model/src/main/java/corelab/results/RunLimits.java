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
     * at least the backend's delay, cannot complete faster than concurrency / delay per second. The delay
     * asked for is the bound, not the round trip the calibration measures: an idle call takes longer than a
     * call made under load (20.6 ms idle against 20.4 ms under 64 connections for a 20 ms delay, on
     * 2026-12-01), so a limit from the idle figure sat below every measured mode. That figure is quoted beside
     * the bound, for what the backend adds when nothing else runs.
     */
    public static Optional<Limit> littlesLaw(Configuration c, Calibration calibration) {
        if (!c.workload().equals("io") || !c.loadModel().equals("closed") || c.backendDelayMillis() == null
                || c.backendDelayMillis() <= 0) {
            return Optional.empty();
        }
        int delay = c.backendDelayMillis();
        String source = String.format(Locale.ROOT, "Little's law: %d connections / the %d ms each call waits in"
                + " the backend at least", c.concurrency(), delay);
        if (calibration != null && Integer.valueOf(delay).equals(calibration.backendDelayMillis())
                && calibration.backendRoundTripMillis().n() > 0) {
            source += " (one idle call's round trip, measured in this run: "
                    + calibration.backendRoundTripMillis().format("ms") + ")";
        }
        return Optional.of(new Limit(c.concurrency() * 1000.0 / delay, 0, source));
    }

    /**
     * The mixed workload under closed load: each request computes for S seconds, then waits W in the backend.
     * With C connections no server answers more than {@link #mixedBound} = min(C / (W + S), cores / S) per
     * second: Little's law (each request holds its connection for both) and the CPU's capacity. W is the delay
     * asked of the backend (see {@link #littlesLaw}); S the kernel's single-core rate measured in this run,
     * rescaled linearly to the configuration's iterations; cores those the mode computes on
     * ({@link #computingCores}). The interval is the rate's, carried through.
     */
    public static Optional<Limit> mixed(Configuration c, Calibration calibration) {
        if (!c.workload().equals("mixed") || !c.loadModel().equals("closed") || c.cpuIterations() == null
                || c.cpuIterations() <= 0 || c.backendDelayMillis() == null || c.backendDelayMillis() <= 0
                || calibration == null || calibration.kernelRequestsPerCpuSecond().n() == 0) {
            return Optional.empty();
        }
        Estimate rate = calibration.kernelRequestsPerCpuSecond();
        double scale = (double) c.cpuIterations() / calibration.cpuIterations();
        double delaySeconds = c.backendDelayMillis() / 1000.0;
        int cores = computingCores(c);
        double bound = mixedBound(c.concurrency(), delaySeconds, scale / rate.mean(), cores);
        // The fastest kernel the rate's interval allows gives the highest bound.
        double highest = mixedBound(c.concurrency(), delaySeconds, scale / (rate.mean() + rate.halfWidth95()), cores);
        return Optional.of(new Limit(bound, highest - bound, String.format(Locale.ROOT,
                "min(%d connections / (%d ms + S), %d core%s / S), S = %.3g ms of CPU per request: the kernel's"
                        + " single-core rate measured in this run (%s per CPU-second at %d iterations), rescaled to %d",
                c.concurrency(), c.backendDelayMillis(), cores, cores == 1 ? "" : "s", 1000 * scale / rate.mean(),
                rate.format("req"), calibration.cpuIterations(), c.cpuIterations())));
    }

    /**
     * The most requests per second C connections can get when each computes for {@code cpuSeconds} and
     * waits {@code delaySeconds}: min(C / (W + S), cores / S).
     */
    public static double mixedBound(double concurrency, double delaySeconds, double cpuSeconds, int cores) {
        return Math.min(concurrency / (delaySeconds + cpuSeconds), cores / cpuSeconds);
    }

    /**
     * The cores a configuration's requests compute on: one for an event loop that runs every handler itself
     * ({@code single}, and Node.js in one process), else all the cores it was allowed.
     */
    public static int computingCores(Configuration c) {
        return c.mode().equals("single") || c.mode().equals("node") ? 1 : c.coresAllowed();
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
                    littlesLaw(c.configuration(), run.calibration()), mixed(c.configuration(), run.calibration()))) {
                if (limit.isPresent() && measured.mean() > limit.get().upper()) {
                    String within = limit.get().halfWidth95() > 0
                            ? String.format(Locale.ROOT, " (up to %.0f with its interval)", limit.get().upper()) : "";
                    broken.add(String.format(Locale.ROOT, "BROKEN LIMIT: %s measured %s, above its limit of %.0f"
                                    + " req/s%s, %s: the limit or the measurement is wrong",
                            c.configuration().id(), measured.format("req/s"), limit.get().requestsPerSecond(),
                            within, limit.get().source()));
                }
            }
        }
        return broken;
    }
}
