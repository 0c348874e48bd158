package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.stats.Estimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLimitsTest {
    /** Kernel samples 995..1005 per CPU-second: mean 1000, s = 3.807887, t(0.975, 4) = 2.776445, ± 4.728. */
    private static final List<Double> KERNEL = List.of(1000.0, 1005.0, 995.0, 1002.0, 998.0);

    @Test
    void aCalibrationBelowTheMeasuredFigureFlagsABrokenLimit() {
        Calibration calibration = new Calibration(250_000, KERNEL, List.of(), null, List.of(), List.of());
        RunResult run = run(calibration, cpu("single/cpu", 1, 250_000, 1100, 1110, 1090));
        List<String> broken = RunLimits.broken(run);
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("BROKEN LIMIT: single/cpu measured 1100 ± 25 req/s, above its limit of"
                + " 1000 req/s (up to 1005 with its interval), 1 x the kernel's single-core rate measured in this run"),
                broken.get(0));
        assertEquals(1000.0, RunLimits.cpu(run.configurations().get(0).configuration(), calibration).orElseThrow()
                .requestsPerSecond(), 1e-9);
    }

    @Test
    void aFigureWithinTheLimitsIntervalOrBelowItIsNotBroken() {
        Calibration calibration = new Calibration(250_000, KERNEL, List.of(), null, List.of(), List.of());
        // 1003 lies above the limit's mean but inside its interval; two cores at half the work: 4000
        assertTrue(RunLimits.broken(run(calibration, cpu("a", 1, 250_000, 1003, 1003, 1003),
                cpu("b", 2, 125_000, 3900, 3950, 3920))).isEmpty());
        // the rate is rescaled to the configuration's work: 2 cores x 1000 x 250000 / 125000
        assertEquals(4000.0, RunLimits.cpu(cpu("b", 2, 125_000, 1, 1, 1).configuration(), calibration).orElseThrow()
                .requestsPerSecond(), 1e-9);
    }

    /**
     * 64 connections over a 20 ms delay: at most 3200 req/s, whatever an idle call's round trip measured
     * (it is longer than a loaded one, so it bounds nothing).
     */
    @Test
    void littlesLawRestsOnTheDelayAskedOfTheBackend() {
        Calibration calibration = new Calibration(250_000, KERNEL, List.of(), 20, List.of(20.6, 20.5, 20.7),
                List.of(20.6, 20.6));
        ConfigurationResult within = io("io/within", 3100);
        ConfigurationResult above = io("io/above", 3300);
        assertEquals(3200.0, RunLimits.littlesLaw(within.configuration(), calibration).orElseThrow()
                .requestsPerSecond(), 1e-9);
        List<String> broken = RunLimits.broken(run(calibration, within, above));
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("BROKEN LIMIT: io/above"), broken.get(0));
        assertTrue(RunLimits.littlesLaw(within.configuration(), calibration).orElseThrow().source()
                .contains("20.6"), "the measured idle round trip is quoted beside the bound");
        assertEquals(1, RunLimits.broken(run(null, within, above)).size(), "the delay bounds without a calibration");
    }

    /**
     * The kernel at 1000 per CPU-second for 250,000 iterations: S = 1 ms there, 10 us at 2,500, 4 ms at 1,000,000;
     * 64 connections and a 20 ms backend: min(64 / (20 ms + S), cores / S), with one core for single.
     */
    @Test
    void theMixedBoundIsLittlesLawOrTheCoresWhicheverIsLower() {
        Calibration calibration = new Calibration(250_000, KERNEL, List.of(), 20, List.of(20.6, 20.5, 20.7),
                List.of());
        assertEquals(1000.0, mixedLimit("single", 2, 250_000, calibration), 1e-9);
        assertEquals(2000.0, mixedLimit("platform", 2, 250_000, calibration), 1e-9);
        assertEquals(64 / 0.02001, mixedLimit("platform", 2, 2_500, calibration), 1e-9);
        assertEquals(64 / 0.02001, mixedLimit("single", 2, 2_500, calibration), 1e-9);
        assertEquals(500.0, mixedLimit("cluster", 2, 1_000_000, calibration), 1e-9);
        assertEquals(64 / 0.021, mixedLimit("cluster", 4, 250_000, calibration), 1e-9);
        // the rate's interval, 1000 ± 4.728, carried through: one core's upper end is 1004.728 / 1 ms
        assertEquals(1004.728, RunLimits.mixed(mixed("s", "single", 2, 250_000, 1).configuration(), calibration)
                .orElseThrow().upper(), 0.01);
        assertTrue(RunLimits.mixed(mixed("s", "single", 2, 250_000, 1).configuration(), null).isEmpty(),
                "no bound without the run's calibration");
    }

    @Test
    void aMixedFigureAboveItsBoundIsABrokenLimit() {
        Calibration calibration = new Calibration(250_000, KERNEL, List.of(), 20, List.of(20.6), List.of());
        List<String> broken = RunLimits.broken(run(calibration, mixed("single/mixed/iterations250000", "single", 2,
                250_000, 1100, 1110, 1090), mixed("platform/mixed/iterations250000", "platform", 2, 250_000, 1900,
                1950, 1920), mixed("virtual/mixed/iterations2500", "virtual", 2, 2_500, 3150, 3160, 3140)));
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("BROKEN LIMIT: single/mixed/iterations250000 measured 1100 ± 25 req/s,"
                + " above its limit of 1000 req/s (up to 1005 with its interval), min(64 connections / (20 ms + S),"
                + " 1 core / S), S = 1.00 ms of CPU per request"), broken.get(0));
    }

    private static double mixedLimit(String mode, int cores, int iterations, Calibration calibration) {
        return RunLimits.mixed(mixed("m", mode, cores, iterations, 1).configuration(), calibration).orElseThrow()
                .requestsPerSecond();
    }

    private static ConfigurationResult mixed(String id, String mode, int cores, int iterations, double... throughputs) {
        return result(new Configuration(id, mode, "mixed", "closed", 64, null, null, null, iterations, 20, null,
                cores, "mode=" + mode, List.of()), throughputs.length == 1 ? new double[] {throughputs[0],
                throughputs[0], throughputs[0]} : throughputs);
    }

    private static ConfigurationResult cpu(String id, int cores, int iterations, double... throughputs) {
        return result(new Configuration(id, "single", "cpu", "closed", 64, null, null, null, iterations, 20, null,
                cores, "mode=single", List.of()), throughputs);
    }

    private static ConfigurationResult io(String id, double throughput) {
        return result(new Configuration(id, "single", "io", "closed", 64, null, null, null, null, 20, null, 2,
                "mode=single", List.of()), throughput, throughput, throughput);
    }

    private static ConfigurationResult result(Configuration configuration, double... throughputs) {
        Estimate none = Estimate.of();
        Summary summary = new Summary(Estimate.of(throughputs), none, none, none, none, none, none, none, none, none, 0);
        return new ConfigurationResult(configuration, Verdict.VALID, 3, null, summary, List.of(), null);
    }

    private static RunResult run(Calibration calibration, ConfigurationResult... configurations) {
        return new RunResult(RunResult.SCHEMA_VERSION, "20261130-120000", RunResult.Status.COMPLETE, null, "a", "b",
                SampleRuns.run().provenance(), Map.of(), null, calibration, List.of(configurations), List.of());
    }
}
