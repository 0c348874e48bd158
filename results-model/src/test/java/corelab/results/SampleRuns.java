package corelab.results;

import corelab.results.stats.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, fixed run: every kind of record, with NaN and nulls where the schema allows them. */
final class SampleRuns {
    /** An opaque, fixed histogram text: golden files must not depend on the JDK's zlib. */
    static final String HISTOGRAM = "HISTFAAAABx4nJNpmSzMwMDAxAABzFCaEUzOmTJrFwAdrQKK";

    private SampleRuns() {
    }

    /** {@link #run()}'s provenance and options around one configuration, with no schedule, calibration or comparison. */
    static RunResult runOf(ConfigurationResult configuration) {
        RunResult sample = run();
        return new RunResult(sample.schemaVersion(), sample.runId(), sample.status(), null, sample.startedAt(),
                sample.endedAt(), sample.provenance(), sample.options(), null, null, List.of(configuration), List.of());
    }

    static RunResult run() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", "single,cluster");
        options.put("workload", "hello");
        Provenance provenance = new Provenance("development", "0123456789abcdef", "21.0.5", "Eclipse Adoptium",
                "OpenJDK 64-Bit Server VM", "/usr/lib/jvm/jdk-21", List.of("-Xmx512m"), List.of(),
                "Linux", "6.1.0", "amd64", 2, "Example CPU @ 2.00GHz", "corelab {mode=single,cluster}");
        List<ConfigurationResult> configurations = List.of(configuration("single", 1000),
                configuration("cluster", 1900), faultConfiguration(), counterConfiguration());
        return new RunResult(RunResult.SCHEMA_VERSION, "20261121-120000", RunResult.Status.COMPLETE, null,
                "2026-11-21T12:00:00Z", "2026-11-21T12:01:00Z", provenance, options,
                new RunSchedule(RunSchedule.INTERLEAVED, 1234, 1, 1, List.of(
                        List.of("cluster/hello/closed/c64", "single/hello/closed/c64",
                                "cluster/workers2/counter/local/closed/c64"),
                        List.of("single/hello/closed/c64", "cluster/workers2/counter/local/closed/c64",
                                "cluster/hello/closed/c64"))),
                new Calibration(250_000, List.of(1000.0, 1010.0, 990.0), List.of(1005.0, 995.0), 20,
                        List.of(20.1, 20.2, 20.15), List.of(20.12, 20.18)),
                configurations, Comparisons.of(configurations, 5.0));
    }

    static ConfigurationResult configuration(String mode, double throughput) {
        return new ConfigurationResult(new Configuration(mode + "/hello/closed/c64", mode, "hello", "closed", 64, null,
                null, mode.equals("cluster") ? 2 : null, null, 20, null, 2, "mode=" + mode + " pid=42",
                List.of("java", "-cp", "x", "corelab.modes.ServerMain", "mode=" + mode)), Verdict.VALID, 4, null,
                summary(throughput), trials(throughput), null);
    }

    /** A cluster whose workers count locally: the highest count is about half the requests. */
    static ConfigurationResult counterConfiguration() {
        return new ConfigurationResult(new Configuration("cluster/workers2/counter/local/closed/c64", "cluster",
                "counter", "closed", 64, null, null, 2, null, 20, "local", 2, "mode=cluster pid=42",
                List.of("java", "-cp", "x", "corelab.modes.ServerMain", "mode=cluster", "counter=local")),
                Verdict.VALID, 4, new CounterCheck(20_001, 10_012, 9_989), summary(1800), trials(1800), null);
    }

    private static List<TrialResult> trials(double throughput) {
        return List.of(trial(1, throughput - 10), trial(2, throughput), trial(3, throughput + 10));
    }

    private static Summary summary(double throughput) {
        return new Summary(Estimate.of(throughput - 10, throughput, throughput + 10),
                Estimate.of(throughput / 2 - 5, throughput / 2, throughput / 2 + 5),
                Estimate.of(5000, 5100, 4900), Estimate.of(250, 260, 240), Estimate.of(900, 950, 850),
                Estimate.of(1200, 1300, 1100), Estimate.of(), Estimate.of(0.9, 1.0, 0.8),
                Estimate.of(1.5e8, 1.6e8, 1.4e8), Estimate.of(0.2, 0.25, 0.3), 0.0);
    }

    /** A fault run: one window of one trial, sampled at 100 ms, and what the fault did. */
    static ConfigurationResult faultConfiguration() {
        Latency latency = new Latency(1800, 300.5, 250, 400, 900, 1200, 5000);
        ServerUsage server = new ServerUsage(2, 0.4, 0.2, 4500, 150_000_000L, 40, 0,
                List.of(new ProcessUsage(42, "java corelab.modes.ServerMain", 0.4, 150_000_000L, 40, 1800, 0)), -1, -1);
        GeneratorUsage generator = new GeneratorUsage(1, 0.05, 0.25, 125.0, 900, 900, Double.NaN,
                GeneratorUsage.NO_SCHEDSTAT);
        IntervalResult before = new IntervalResult(0.0, 1_795_262_460_000L, 0.1, 190, 0, 1900, 250, 900, 5000,
                0.2, 150_000_000L, 0.25, HISTOGRAM);
        IntervalResult after = new IntervalResult(0.1, 1_795_262_460_100L, 0.1, 40, 37, 400, 250, 900, 5000,
                0.2, 150_000_000L, 0.25, HISTOGRAM);
        TrialResult window = new TrialResult(1, 0.2, 230, 267, 267, new Errors(0, 0, 0, 37), 1150, latency, null,
                server, generator, List.of(before, after), HISTOGRAM, null, Double.NaN, TrialResult.RUNS_ALONE, null);
        Summary summary = new Summary(Estimate.of(1150), Estimate.of(575), Estimate.of(4500), Estimate.of(250),
                Estimate.of(900), Estimate.of(1200), Estimate.of(), Estimate.of(0.2), Estimate.of(1.5e8),
                Estimate.of(0.25), 100.0 * 37 / 267);
        FaultResult fault = new FaultResult("kill-worker", 0.1, 0.1002, 100, 43, 1, 37, 1900, 400, 0, 820L, 1, 640L);
        return new ConfigurationResult(new Configuration("cluster/workers2/hello/closed/c64/kill-worker@0.1s",
                "cluster", "hello", "closed", 64, null, null, 2, null, 20, null, 2, "mode=cluster pid=42",
                List.of("java", "-cp", "x", "corelab.modes.ServerMain", "mode=cluster")), Verdict.VALID, 4, null,
                summary, List.of(window), fault);
    }

    static TrialResult trial(int index, double throughput) {
        Latency latency = new Latency((long) throughput * 2, 260.5, 250, 400, 900, 1200, 5000);
        ServerUsage server = new ServerUsage(2, 0.4, 0.2, throughput * 2 / 0.4, 150_000_000L, 40, 0,
                List.of(new ProcessUsage(42, "java corelab.modes.ServerMain", 0.4, 150_000_000L, 40, (long) throughput * 2,
                        0)),
                150_000_000L, 110_000_000L);
        GeneratorUsage generator = new GeneratorUsage(1, 0.5, 0.25, 125.0, throughput, throughput, 0.05);
        IntervalResult second = new IntervalResult(0.0, 1_795_262_400_000L + index * 10_000L, 1.0, (long) throughput, 0, throughput, 250, 900, 5000,
                0.2, 150_000_000L, 0.25, HISTOGRAM);
        return new TrialResult(index, 2.0, (long) throughput * 2, (long) throughput * 2, (long) throughput * 2,
                new Errors(0, 0, 0, 0), throughput, latency, null, server, generator,
                List.of(second, second), HISTOGRAM, null, 0.05, null);
    }
}
