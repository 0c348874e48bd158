package corelab.reports;

import corelab.results.Calibration;
import corelab.results.Comparisons;
import corelab.results.Configuration;
import corelab.results.CorePinning;
import corelab.results.ConfigurationResult;
import corelab.results.CounterCheck;
import corelab.results.Errors;
import corelab.results.FaultResult;
import corelab.results.GeneratorUsage;
import corelab.results.Histograms;
import corelab.results.IntervalResult;
import corelab.results.Latency;
import corelab.results.ProcessUsage;
import corelab.results.ResourceBucket;
import corelab.results.ResourceSummary;
import corelab.results.ResourceUse;
import corelab.results.Provenance;
import corelab.results.RunResult;
import corelab.results.RunSchedule;
import corelab.results.ServerUsage;
import corelab.results.Summary;
import corelab.results.TrialResult;
import corelab.results.Verdict;
import corelab.results.stats.ComparisonFamily;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Two small, fixed runs built as records, with real HdrHistogram histograms: a closed-load run
 * with every mode on hello, cpu and io, a concurrency sweep on io, a cores sweep on cpu, a cluster
 * reporting requests per worker and one invalid configuration; and an open-load run, interrupted,
 * with a rate sweep and uncorrected latencies. Figures are chosen so that the summary has a tie
 * (cluster and platform on cpu) and significant differences (single on cpu).
 */
final class Fixtures {
    static final double TRIAL_SECONDS = 2.0;
    static final String SATURATED = "the load generator was saturated in trial 1 (97% of its CPU, limit 90%):"
            + " the figures measure the generator, not the server";

    private Fixtures() {
    }

    /** One configuration to build: its parameters and its three trials' throughputs. */
    record Spec(String mode, String workload, String loadModel, int concurrency, Double rate, int cores,
                double[] throughputs, double medianMicros, double generatorUtilization, List<String> invalidReasons,
                String counter, CounterCheck counterCheck) {
        static Spec closed(String mode, String workload, int concurrency, int cores, double medianMicros,
                           double... throughputs) {
            return new Spec(mode, workload, "closed", concurrency, null, cores, throughputs, medianMicros, 0.3, List.of(),
                    null, null);
        }

        Spec invalid(double utilization, String reason) {
            return new Spec(mode, workload, loadModel, concurrency, rate, cores, throughputs, medianMicros, utilization,
                    List.of(reason), counter, counterCheck);
        }

        /** The counter workload with its count kept in {@code store}, and what its answers added up to. */
        Spec counting(String store, long requests, long highestCount, long repeatedCounts) {
            return new Spec(mode, workload, loadModel, concurrency, rate, cores, throughputs, medianMicros,
                    generatorUtilization, invalidReasons, store, new CounterCheck(requests, highestCount, repeatedCounts));
        }

        String id() {
            StringBuilder id = new StringBuilder(mode);
            if (mode.equals("cluster")) {
                id.append("/workers2");
            }
            id.append("/cores").append(cores).append('/').append(workload);
            if (counter != null) {
                id.append('/').append(counter);
            }
            if (workload.equals("cpu")) {
                id.append("/iterations250000");
            }
            id.append('/').append(loadModel).append("/c").append(concurrency);
            if (rate != null) {
                id.append("/rate").append(rate.longValue());
            }
            return id.toString();
        }
    }

    /** Two modes on cpu within a fraction of a percent of each other: one tier of two, practically the same. */
    static RunResult twoAlike() {
        List<Spec> specs = List.of(Spec.closed("platform", "cpu", 64, 2, 33000, 1900, 1905, 1910),
                Spec.closed("virtual", "cpu", 64, 2, 33000, 1902, 1907, 1912));
        return run("20261201-130000", RunResult.Status.COMPLETE, null, options("platform,virtual", "cpu", "closed", "64",
                ""), specs);
    }

    static RunResult closedRun() {
        List<Spec> specs = new ArrayList<>();
        specs.add(Spec.closed("single", "hello", 64, 2, 900, 13800, 14000, 14200));
        specs.add(Spec.closed("platform", "hello", 64, 2, 1100, 11800, 12000, 12200));
        specs.add(Spec.closed("virtual", "hello", 64, 2, 1050, 12300, 12500, 12700));
        specs.add(Spec.closed("offload", "hello", 64, 2, 800, 14800, 15000, 15200).invalid(0.97, SATURATED));
        specs.add(Spec.closed("cluster", "hello", 64, 2, 600, 20500, 21000, 21500));
        specs.add(Spec.closed("single", "cpu", 64, 2, 68000, 930, 940, 950));
        specs.add(Spec.closed("platform", "cpu", 64, 2, 33000, 1880, 1940, 2000));
        specs.add(Spec.closed("virtual", "cpu", 64, 2, 33500, 1850, 1905, 1950));
        specs.add(Spec.closed("offload", "cpu", 64, 2, 37000, 1680, 1700, 1720));
        specs.add(Spec.closed("cluster", "cpu", 64, 2, 32800, 1900, 1950, 2000));
        specs.add(Spec.closed("single", "cpu", 16, 2, 17000, 930, 938, 946));
        specs.add(Spec.closed("platform", "cpu", 16, 2, 8300, 1860, 1920, 1980));
        specs.add(Spec.closed("cluster", "cpu", 16, 2, 8200, 1890, 1940, 1990));
        specs.add(Spec.closed("single", "cpu", 64, 1, 68000, 925, 935, 945));
        specs.add(Spec.closed("platform", "cpu", 64, 1, 66000, 950, 960, 970));
        specs.add(Spec.closed("cluster", "cpu", 64, 1, 65000, 960, 970, 980));
        for (String mode : List.of("single", "platform", "virtual", "cluster")) {
            specs.add(Spec.closed(mode, "io", 1, 2, 20500, 48, 48.5, 49));
            specs.add(Spec.closed(mode, "io", 16, 2, 20600, 770, 776, 782));
            double top = mode.equals("single") ? 3000 : 3120;
            specs.add(Spec.closed(mode, "io", 64, 2, 20800, top - 30, top, top + 30));
        }
        specs.add(Spec.closed("offload", "io", 64, 2, 20900, 3050, 3080, 3110));
        Map<String, String> options = options("single,platform,virtual,offload,cluster", "hello,cpu,io", "closed",
                "1,16,64", "");
        return run("20261121-120000", RunResult.Status.COMPLETE, null, options, specs);
    }

    /**
     * A wide io sweep (1 to 256 connections) from few, short trials: one configuration's trials
     * differ so much that its 95% interval reaches below zero, as tiny lab durations give.
     */
    static RunResult wideIntervalSweep() {
        List<Spec> specs = new ArrayList<>();
        for (String mode : List.of("platform", "virtual")) {
            specs.add(Spec.closed(mode, "io", 1, 2, 20500, 2, 90, 4));
            specs.add(Spec.closed(mode, "io", 16, 2, 20600, 770, 776, 782));
            specs.add(Spec.closed(mode, "io", 256, 2, 20800, 11000, 11500, 12000));
        }
        Map<String, String> options = options("platform,virtual", "io", "closed", "1,16,256", "");
        return run("20261130-120000", RunResult.Status.COMPLETE, null, options, specs);
    }

    /** The counter lab: a platform server and a cluster, the count kept locally, in the primary, or in Redis. */
    static RunResult counterRun() {
        List<Spec> specs = List.of(
                Spec.closed("platform", "counter", 64, 2, 900, 11800, 12000, 12200).counting("local", 76_001, 76_001, 0),
                Spec.closed("platform", "counter", 64, 2, 1500, 7900, 8000, 8100).counting("redis", 50_001, 50_001, 0),
                Spec.closed("cluster", "counter", 64, 2, 700, 19500, 20000, 20500).counting("local", 126_001, 63_240, 62_761),
                Spec.closed("cluster", "counter", 64, 2, 2100, 8900, 9000, 9100).counting("primary", 57_001, 57_001, 0),
                Spec.closed("cluster", "counter", 64, 2, 1600, 10800, 11000, 11200).counting("redis", 70_001, 70_001, 0));
        Map<String, String> options = options("platform,cluster", "counter", "closed", "64", "");
        options.put("counter", "local,primary,redis");
        return run("20261122-100000", RunResult.Status.COMPLETE, null, options, specs);
    }

    static RunResult openRun() {
        List<Spec> specs = new ArrayList<>();
        for (String mode : List.of("single", "virtual")) {
            for (String workload : List.of("hello", "io")) {
                for (double rate : new double[] {500, 1000, 2000}) {
                    double achieved = workload.equals("io") && rate > 1000 && mode.equals("single") ? 1800 : rate;
                    specs.add(new Spec(mode, workload, "open", 64, rate, 2,
                            new double[] {achieved - 2, achieved, achieved + 2}, workload.equals("io") ? 20400 : 700,
                            0.2, List.of(), null, null));
                }
            }
        }
        Map<String, String> options = options("single,virtual", "hello,io", "open", "64", "500,1000,2000");
        return run("20261122-090000", RunResult.Status.INTERRUPTED, "interrupted by a signal (Ctrl-C?)", options, specs);
    }

    /**
     * The CPU:I/O crossover: mixed at four work sizes, single and platform, 64 connections, 2 cores, with
     * {@code calibration} as the run's own. Throughputs as a 2-core machine gives them (about 4 ns an
     * iteration): all near Little's law at 2,500, single held by its one core from 100,000, both by their
     * cores from 250,000.
     */
    static RunResult mixedSweep(Calibration calibration) {
        int[] sizes = {2_500, 100_000, 250_000, 1_000_000};
        double[][] throughputs = {{3150, 2300, 950, 240}, {3150, 3100, 1900, 480}};
        List<String> modes = List.of("single", "platform");
        List<Spec> specs = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            for (double t : throughputs[m]) {
                specs.add(Spec.closed(modes.get(m), "mixed", 64, 2, 64e6 / t, t - 10, t, t + 10));
            }
        }
        Map<String, String> options = options("single,platform", "mixed", "closed", "64", "");
        options.put("cpuIterations", "2500,100000,250000,1000000");
        RunResult base = run("20261201-120000", RunResult.Status.COMPLETE, null, options, specs);
        List<ConfigurationResult> sized = new ArrayList<>();
        for (int i = 0; i < base.configurations().size(); i++) {
            ConfigurationResult r = base.configurations().get(i);
            Configuration c = r.configuration();
            int size = sizes[i % sizes.length];
            sized.add(new ConfigurationResult(new Configuration(c.id().replace("/mixed/", "/mixed/iterations" + size
                    + "/"), c.mode(), c.workload(), c.loadModel(), c.concurrency(), c.ratePerSecond(), c.threads(),
                    c.workers(), size, c.backendDelayMillis(), c.counter(), c.coresAllowed(), c.server(),
                    c.serverCommand()), r.verdict(), r.warmupSeconds(), r.counterCheck(), r.summary(), r.trials(),
                    r.fault(), r.profile()));
        }
        return new RunResult(base.schemaVersion(), base.runId(), base.status(), base.failure(), base.startedAt(),
                base.endedAt(), base.provenance(), base.options(), base.schedule(), calibration, sized,
                Comparisons.of(sized, ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT));
    }

    /**
     * Ordinary cpu runs of single and cluster, and one fault run of each: the single server
     * killed and restarted by the supervisor (an outage), one of the cluster's two workers
     * killed and replaced (a dip that recovers). {@code withOrdinary} false: the fault runs alone.
     */
    static RunResult faultRun(boolean withOrdinary) {
        List<Spec> specs = withOrdinary
                ? List.of(Spec.closed("single", "cpu", 64, 2, 68000, 930, 940, 950),
                        Spec.closed("cluster", "cpu", 64, 2, 32800, 1900, 1950, 2000))
                : List.of();
        Map<String, String> options = options("single,cluster", "cpu", "closed", "64", "");
        options.put("fault", "kill-worker@3s,kill-server@3s");
        RunResult base = run(withOrdinary ? "20261122-100000" : "20261122-110000", RunResult.Status.COMPLETE, null,
                options, specs);
        List<ConfigurationResult> all = new ArrayList<>(base.configurations());
        all.add(faultConfiguration("single", "kill-server", 940, 1.2, 0.4, 4242));
        all.add(faultConfiguration("cluster", "kill-worker", 1950, 0.0, 0.6, 4250));
        return new RunResult(base.schemaVersion(), base.runId(), base.status(), base.failure(), base.startedAt(),
                base.endedAt(), base.provenance(), base.options(), base.schedule(), base.calibration(), all, base.comparisons());
    }

    /** An 8 s window at 100 ms, the kill at 3 s, then {@code outageSeconds} of nothing and a dip back to full. */
    private static ConfigurationResult faultConfiguration(String mode, String kind, double throughput,
                                                          double outageSeconds, double restartSeconds, long killedPid) {
        List<IntervalResult> intervals = new ArrayList<>();
        Random random = new Random(mode.hashCode());
        long completed = 0;
        long failed = 0;
        for (int i = 0; i < 80; i++) {
            double t = i * 0.1;
            double since = t - 3.0;
            double share = since < 0 ? 1 : since < outageSeconds ? 0 : since < outageSeconds + 0.5 ? 0.5 : 1;
            long answered = Math.round(throughput * 0.1 * share * (0.97 + 0.06 * random.nextDouble()));
            long errors = since >= 0 && since < Math.max(0.2, outageSeconds) ? 30 : 0;
            completed += answered;
            failed += errors;
            Histogram h = Histograms.empty();
            h.recordValue(30_000);
            intervals.add(new IntervalResult(t, 0.1, answered, errors, answered / 0.1, 30_000, 60_000, 90_000,
                    share * 1.9, 150_000_000L, 0.2, Histograms.encode(h)));
        }
        Histogram all = Histograms.empty();
        all.recordValue(30_000);
        ServerUsage server = new ServerUsage(2, 8 * 1.8, 1.8, completed / (8 * 1.8), 150_000_000L, 24, 0,
                List.of(new ProcessUsage(killedPid + 10, "java corelab.modes.ServerMain", 8 * 1.8, 150_000_000L, 24,
                        completed, 0)), -1, -1);
        GeneratorUsage generator = new GeneratorUsage(1, 1.6, 0.2, 100, completed / 8.0, completed / 8.0,
                Double.NaN);
        TrialResult window = new TrialResult(1, 8.0, completed, completed + failed, completed + failed,
                new Errors(0, 0, 0, failed), completed / 8.0, Latency.of(all), null, server, generator, intervals,
                Histograms.encode(all), null, Double.NaN, null);
        long recovery = Math.round((outageSeconds + 0.5) * 1000);
        FaultResult fault = new FaultResult(kind, 3.0, 3.0, 100, killedPid, kind.equals("kill-worker") ? 1 : null,
                failed, throughput, 0, Math.round(outageSeconds * 1000), recovery, 1, Math.round(restartSeconds * 1000));
        List<TrialResult> trials = List.of(window);
        return new ConfigurationResult(new Configuration(mode + (mode.equals("cluster") ? "/workers2" : "")
                + "/cpu/closed/c64/" + kind + "@3s", mode, "cpu", "closed", 64, null, null,
                mode.equals("cluster") ? 2 : null, 250_000, 20, null, 2, "mode=" + mode + " pid=" + killedPid,
                List.of("java", "corelab.modes.ServerMain", "mode=" + mode)), Verdict.VALID, 4,
                null, summary(trials, 2), trials, fault);
    }

    private static Map<String, String> options(String modes, String workloads, String load, String concurrency,
                                               String rate) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", modes);
        options.put("workload", workloads);
        options.put("load", load);
        options.put("concurrency", concurrency);
        options.put("rate", rate);
        options.put("trials", "3");
        options.put("trialSeconds", "2");
        options.put("warmupSeconds", "1");
        options.put("maxGeneratorUtilization", "0.9");
        return options;
    }

    private static RunResult run(String runId, RunResult.Status status, String failure, Map<String, String> options,
                                 List<Spec> specs) {
        Provenance provenance = new Provenance("development", "0123456789abcdef", "21.0.5", "Eclipse Adoptium",
                "OpenJDK 64-Bit Server VM", "/usr/lib/jvm/jdk-21", List.of("-Xmx512m"), List.of("-XX:+UseSerialGC"),
                "Linux", "6.1.0", "amd64", 2, "Example CPU @ 2.00GHz <fast>", "corelab " + options);
        Random random = new Random(runId.hashCode());
        List<ConfigurationResult> configurations = specs.stream().map(s -> configuration(s, random)).toList();
        return new RunResult(RunResult.SCHEMA_VERSION, runId, status, failure, runId.substring(0, 8) + "T12:00:00Z",
                runId.substring(0, 8) + "T12:05:00Z", provenance, options,
                new RunSchedule(RunSchedule.INTERLEAVED, 1234, 1, 1,
                        List.of(configurations.stream().filter(c -> c.fault() == null)
                                .map(c -> c.configuration().id()).toList())),
                null, configurations, Comparisons.of(configurations, ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT,
                CorePinning.shared(provenance)));
    }

    private static ConfigurationResult configuration(Spec s, Random random) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < s.throughputs().length; i++) {
            trials.add(trial(s, i + 1, s.throughputs()[i], random));
        }
        return new ConfigurationResult(new Configuration(s.id(), s.mode(), s.workload(), s.loadModel(), s.concurrency(),
                s.rate(), s.mode().equals("platform") ? 200 : null, s.mode().equals("cluster") ? 2 : null,
                s.workload().equals("cpu") ? 250_000 : null, 20, s.counter(), s.cores(), "mode=" + s.mode() + " pid=4242",
                List.of("java", "-cp", "x", "corelab.modes.ServerMain", "mode=" + s.mode())),
                Verdict.of(s.invalidReasons()), 4, s.counterCheck(), summary(trials, s.cores()), trials, null);
    }

    private static TrialResult trial(Spec s, int index, double throughput, Random random) {
        boolean open = s.loadModel().equals("open");
        long completed = Math.round(throughput * TRIAL_SECONDS);
        int samples = (int) Math.min(completed, 4000);
        List<IntervalResult> intervals = new ArrayList<>();
        Histogram trialCorrected = Histograms.empty();
        Histogram trialUncorrected = Histograms.empty();
        double cores = s.mode().equals("single") ? 0.98 : Math.min(s.cores(), throughput / 1000.0);
        for (int second = 0; second < (int) TRIAL_SECONDS; second++) {
            Histogram corrected = Histograms.empty();
            for (int k = 0; k < samples / 2; k++) {
                long sent = latency(s.medianMicros(), random);
                // Under open load a request that waits to be sent is late by the wait; the corrected figure counts it.
                long wait = open && random.nextDouble() < 0.05 ? (long) (s.medianMicros() * 3 * random.nextDouble()) : 0;
                corrected.recordValue(sent + wait);
                trialUncorrected.recordValue(sent);
            }
            trialCorrected.add(corrected);
            long errors = s.mode().equals("virtual") && s.workload().equals("io") && second == 1 && index == 2 ? 12 : 0;
            Latency l = Latency.of(corrected);
            intervals.add(new IntervalResult(second, 1.0, completed / 2, errors, throughput + (second == 0 ? -5 : 5),
                    l.p50Micros(), l.p99Micros(), l.maxMicros(), cores, rss(s), s.generatorUtilization(),
                    Histograms.encode(corrected)));
        }
        long errors = intervals.stream().mapToLong(IntervalResult::errors).sum();
        double cpuSeconds = cores * TRIAL_SECONDS;
        ServerUsage server = new ServerUsage(s.cores(), cpuSeconds, cores, completed / cpuSeconds, rss(s),
                s.mode().equals("platform") ? 215 : 24, refused(s), processes(s, completed, cpuSeconds, index), rss(s),
                rss(s) * 3 / 4);
        GeneratorUsage generator = new GeneratorUsage(1, s.generatorUtilization() * TRIAL_SECONDS,
                s.generatorUtilization(), 1e6 * s.generatorUtilization() * TRIAL_SECONDS / completed,
                open ? s.rate() : throughput, open ? s.rate() : throughput, 0.02);
        return new TrialResult(index, TRIAL_SECONDS, completed, completed + errors, open ? completed : 0,
                new Errors(0, 0, errors, 0), throughput, Latency.of(trialCorrected),
                open ? Latency.of(trialUncorrected) : null, server, generator, intervals,
                Histograms.encode(trialCorrected), open ? Histograms.encode(trialUncorrected) : null, 0.01, null)
                .withResources(resources(s, server, generator, completed));
    }

    static final String NO_DOWNSTREAM = "this server calls no downstream service";

    /** The buckets as the harness measures them: io's backend is downstream (about 20 µs a request), no other. */
    private static ResourceUse resources(Spec s, ServerUsage server, GeneratorUsage generator, long completed) {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put(ResourceUse.GENERATOR + ResourceUse.MEMORY, "threads of the harness JVM");
        ResourceBucket downstream = null;
        if (s.workload().equals("io")) {
            downstream = ResourceBucket.of(20e-6 * completed, completed, 60_000_000L, 45_000_000L);
        } else {
            missing.put(ResourceUse.DOWNSTREAM, NO_DOWNSTREAM);
        }
        return new ResourceUse(ResourceBucket.of(server.cpuSeconds(), completed, server.rssBytesAtEnd(),
                server.pssBytesAtEnd()), downstream, ResourceBucket.of(generator.cpuSeconds(), completed, null, null),
                missing);
    }

    /** A skewed latency: mostly near the median, a long tail for a few requests. */
    private static long latency(double medianMicros, Random random) {
        double value = medianMicros * Math.exp(0.25 * random.nextGaussian());
        if (random.nextDouble() < 0.01) {
            value *= 2 + 6 * random.nextDouble();
        }
        return Math.max(1, Math.round(value));
    }

    /** One configuration whose server turned connections away (maxConnections): 7 a trial. */
    static final String REFUSING = "platform/cores2/io/closed/c64";

    private static long refused(Spec s) {
        return s.id().equals(REFUSING) ? 7 : 0;
    }

    private static long rss(Spec s) {
        return s.mode().equals("cluster") ? 310_000_000L : 140_000_000L;
    }

    /** A cluster is a primary (which answers nothing) and two workers that share the requests unevenly. */
    private static List<ProcessUsage> processes(Spec s, long completed, double cpuSeconds, int trial) {
        if (!s.mode().equals("cluster")) {
            return List.of(new ProcessUsage(4242, "java corelab.modes.ServerMain", cpuSeconds, rss(s),
                    s.mode().equals("platform") ? 215 : 24, completed, refused(s)));
        }
        long first = Math.round(completed * (0.53 + 0.01 * trial));
        return List.of(new ProcessUsage(4242, "java corelab.modes.ServerMain mode=cluster", 0.05, 70_000_000L, 18, -1, -1),
                new ProcessUsage(4250, "java corelab.modes.ServerMain worker=1", cpuSeconds / 2, 120_000_000L, 20, first, 0),
                new ProcessUsage(4251, "java corelab.modes.ServerMain worker=2", cpuSeconds / 2, 120_000_000L, 20,
                        completed - first, 0));
    }

    /** As the harness summarises trials: an estimate over the trials that have the figure. */
    private static Summary summary(List<TrialResult> trials, int cores) {
        long completed = trials.stream().mapToLong(TrialResult::completed).sum();
        long failed = trials.stream().mapToLong(t -> t.errors().total()).sum();
        return new Summary(estimate(trials, TrialResult::throughputPerSecond),
                estimate(trials, t -> t.throughputPerSecond() / cores),
                estimate(trials, t -> t.server().requestsPerCpuSecond()),
                estimate(trials, t -> t.latency().p50Micros()),
                estimate(trials, t -> t.latency().p99Micros()),
                estimate(trials, t -> t.latency().p999Micros()),
                estimate(trials, t -> t.uncorrectedLatency() == null ? Double.NaN : t.uncorrectedLatency().p99Micros()),
                estimate(trials, t -> t.server().cpuCoresUsed()),
                estimate(trials, t -> t.server().rssBytesMax()),
                estimate(trials, t -> t.generator().utilization()),
                100.0 * failed / (completed + failed), ResourceSummary.of(trials));
    }

    private static Estimate estimate(List<TrialResult> trials, ToDoubleFunction<TrialResult> figure) {
        return Estimate.of(trials.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).toArray());
    }
}
