package corelab.harness.execute;

import corelab.harness.console.CapacityLines;
import corelab.harness.console.Commands;
import corelab.harness.console.ConsoleTable;
import corelab.harness.console.Progress;
import corelab.harness.fault.SupervisedServer;
import corelab.harness.load.CounterLedger;
import corelab.harness.load.RequestTemplate;
import corelab.harness.measure.Calibrator;
import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.plan.BenchmarkOptions;
import corelab.harness.plan.Pinning;
import corelab.harness.server.TcpMigrateReq;
import corelab.harness.plan.LoadPoint;
import corelab.harness.plan.Plan;
import corelab.harness.plan.Schedule;
import corelab.harness.plan.ServerPlan;
import corelab.harness.server.ServerProcess;
import corelab.modes.BackendProcess;
import corelab.modes.options.ServerOptions;
import corelab.results.Calibration;
import corelab.results.Capacities;
import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.CorePinning;
import corelab.results.ConfigurationResult;
import corelab.results.Provenance;
import corelab.results.ResultsFolder;
import corelab.results.RunLimits;
import corelab.results.RunResult;
import corelab.workloads.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a whole experiment: the trials of every configuration in interleaved rounds ({@link RoundRunner}),
 * then each fault run on its own, one observation each. Results are saved after every round and every
 * fault run, so a crash or Ctrl-C loses at most the round in progress, and the saved run says how it ended.
 */
public final class BenchmarkRunner {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final BenchmarkOptions options;
    private final Map<String, String> resolvedOptions;
    private final PrintStream console;
    private final List<ConfigurationResult> faultRuns = Collections.synchronizedList(new ArrayList<>());
    private final Schedule schedule;
    private volatile RoundRunner rounds;
    private volatile Calibration calibration;
    private final Instant started = Instant.now();
    private final ResultsFolder folder;
    private final String runId;
    private final Provenance provenance;
    private final TcpMigrateReq tcpMigrateReq;
    private volatile boolean finished;

    public BenchmarkRunner(BenchmarkOptions options, Map<String, String> givenOptions, PrintStream console) {
        this.options = options;
        this.resolvedOptions = BenchmarkOptions.OPTIONS.resolvedText(givenOptions);
        this.console = console;
        try {
            this.folder = ResultsFolder.createUnique(options.resultsDir(), RUN_ID.format(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a results folder in " + options.resultsDir(), e);
        }
        this.runId = folder.path().getFileName().toString(); // "-2" when another run started in the same second
        this.tcpMigrateReq = TcpMigrateReq.apply(options.tcpMigrateReq(), console::println); // set back in run()
        this.provenance = ProvenanceProbe.probe(options.serverJvmFlags(), Commands.labCommand(givenOptions),
                options.generator().pinning().record(), tcpMigrateReq.inEffect());
        this.schedule = options.schedule().drawn();
    }

    public Path resultsFolder() {
        return folder.path();
    }

    /** Runs the plan; returns the saved results. On failure the partial results are saved first, then thrown. */
    public RunResult run() throws RunFailure {
        Plan plan = Plan.of(options);
        // A profiled run measures its first configuration once more, unprofiled, in the rounds: the profiler's cost.
        int overheadBaselines = options.profiling().enabled() ? 1 : 0;
        long loadSeconds = plan.loadSeconds(schedule) + overheadBaselines * ((long) options.durations().warmupSeconds()
                * schedule.forks() + (long) options.durations().trials()
                * (schedule.rewarmSeconds() + options.durations().trialSeconds()));
        console.printf(Locale.ROOT, "corelab: %d configuration(s) on %d server(s): %d s of load, about %d min in all%n",
                plan.configurations() + overheadBaselines, plan.servers().size(), loadSeconds,
                Math.max(1, Math.round((loadSeconds + 3.0 * plan.servers().size() * schedule.forks()) / 60)));
        console.printf(Locale.ROOT, "corelab: trials in %d shuffled rounds (seed %d), %d server start(s) each%n",
                options.durations().trials(), schedule.seed(), schedule.forks());
        if (options.profiling().enabled()) {
            console.println("corelab: profiling every server's JVMs during the trials (-Dprofile="
                    + options.profiling().words(",") + "), each trial on its own; " + plan.servers().get(0).label()
                    + "'s first configuration is also measured unprofiled, for the profiler's cost");
        }
        console.println("corelab: " + options.generator().pinning().note()
                + (options.generator().pinning().pinned() ? " (-D" + Pinning.PIN.name() + "=false lets them share)" : ""));
        console.println("corelab: results go to " + folder.path().toAbsolutePath());
        Thread interruptSaver = new Thread(this::saveInterrupted, "corelab-save-on-exit");
        Runtime.getRuntime().addShutdownHook(interruptSaver);
        Progress progress = Progress.start(console, loadSeconds);
        try {
            rounds = new RoundRunner(options, schedule, plan.servers().stream().filter(s -> !s.hasFaults()).toList(),
                    progress, console, folder.path());
            calibration = calibrate(plan, null);
            rounds.run(this::start, () -> save(snapshot(RunResult.Status.RUNNING, null)));
            calibration = calibrate(plan, calibration);
            for (Measurement measurement : rounds.measurements()) {
                warnings(measurement, measurement.result(), progress);
            }
            for (ServerPlan server : plan.servers().stream().filter(ServerPlan::hasFaults).toList()) {
                runFaults(server, progress);
            }
            progress.close();
            RunResult result = snapshot(RunResult.Status.COMPLETE, null);
            save(result);
            finished = true;
            console.println();
            console.print(ConsoleTable.render(result.configurations(), result.comparisons()));
            console.print(CapacityLines.render(result.capacity()));
            RunLimits.broken(result).forEach(broken -> console.println("\n" + broken));
            console.println("\ncorelab: results saved in " + folder.path().toAbsolutePath());
            return result;
        } catch (RunFailure e) {
            progress.close();
            finished = true;
            saveQuietly(snapshot(RunResult.Status.FAILED, e.getMessage()));
            throw new RunFailure(e.getMessage() + "\ncorelab: what was measured before is saved in "
                    + folder.path().toAbsolutePath());
        } catch (InterruptedException e) {
            progress.close();
            finished = true;
            // Saved before the interrupt is restored: an interrupted thread cannot write a file through NIO
            // (ClosedByInterruptException), and a notebook's stop button interrupts exactly this thread.
            saveQuietly(snapshot(RunResult.Status.INTERRUPTED, "interrupted"));
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted; what was measured is saved in " + folder.path().toAbsolutePath());
        } finally {
            tcpMigrateReq.close();
            try {
                Runtime.getRuntime().removeShutdownHook(interruptSaver);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running
            }
        }
    }

    /**
     * The limits' calibration in a fresh JVM, before the first round ({@code before} null) or after the last
     * (added to {@code before}); null when no configuration has a limit it would measure: no corelab server
     * runs the cpu, io or mixed workload. The kernel is measured at the largest work size swept: the limits
     * rescale it linearly, and a small size's fixed cost per call, scaled up, would understate a large one's rate.
     */
    private Calibration calibrate(Plan plan, Calibration before) throws RunFailure, InterruptedException {
        ServerPlan first = plan.servers().stream().filter(s -> !s.hasFaults()).findFirst().orElse(null);
        if (first == null || options.target() != null || options.serverCmd() != null) {
            return before;
        }
        List<Workload> workloads = options.load().workloads();
        int iterations = Math.max(1, plan.servers().stream().mapToInt(s -> s.options().workloads().cpuIterations())
                .max().orElseThrow()); // a calibration needs at least one iteration
        Integer delay = workloads.stream().anyMatch(Workload::usesBackend) ? first.backendDelayMillis() : null;
        if (workloads.stream().noneMatch(Workload::usesCpu) && delay == null) {
            return before;
        }
        console.println("corelab: calibrating the limits in a fresh JVM (" + (before == null ? "before" : "after")
                + " the rounds): the cpu kernel's single-core rate" + (delay == null ? "" : ", the backend's round trip"));
        Calibration measured = Calibrator.measure(iterations, delay);
        return before == null ? measured : before.withAfter(measured);
    }

    /**
     * A server whose configurations each fire a fault: one window each, outside the rounds, one
     * observation, each on a server started for it, so that one fault's aftermath (a crash loop's
     * server that gave up, a killed worker's cold replacement) is not the next one's starting point.
     */
    private void runFaults(ServerPlan plan, Progress progress) throws RunFailure, InterruptedException {
        for (LoadPoint point : plan.loadPoints()) {
            try (ServerUnderTest server = start(plan)) {
                if (!server.command().isEmpty()) {
                    console.println("+ " + Commands.abbreviate(server.command()));
                }
                CounterLedger counterAnswers = new CounterLedger(); // one per server: its count lives as long as it does
                List<RequestTemplate> requests = WorkloadRequests.templates(point.workload(), plan.options());
                WorkloadRequests.verify(server.address(), server.description(), requests.get(0), counterAnswers);
                Measurement measurement = new Measurement(options.durations(), options.generator(),
                        options.thresholds(), plan, point, progress::step, null, "");
                progress.describe(measurement.id());
                measurement.runFaultWindow(server, counterAnswers, requests);
                ConfigurationResult result = measurement.result();
                faultRuns.add(result);
                warnings(measurement, result, progress);
                save(snapshot(RunResult.Status.RUNNING, null));
            }
        }
    }

    private void warnings(Measurement measurement, ConfigurationResult result, Progress progress) {
        if (measurement.warmupSecondsUsed() > options.durations().warmupSeconds()) {
            progress.warn("corelab: " + result.configuration().id() + ": the warmup took "
                    + measurement.warmupSecondsUsed() + " s to reach a steady throughput");
        }
        if (!result.verdict().valid()) {
            progress.warn("WARNING: " + result.configuration().id() + " is INVALID: "
                    + String.join("; ", result.verdict().invalidReasons()));
        }
    }

    private ServerUnderTest start(ServerPlan plan) throws RunFailure {
        int cores = options.generator().pinning().serverCores(plan.cores()); // pinned: off the generator's CPUs
        try {
            if (options.target() != null) {
                return ServerUnderTest.remote(options.target());
            }
            if (options.serverCmd() != null) {
                return ServerUnderTest.of(ServerProcess.startCommand(options.serverCmd(), options.servers().base().host(),
                        cores, READY_TIMEOUT));
            }
            // The harness owns the io backend of a measured run: a process of its own, measured apart.
            BackendProcess backend = plan.callsBackend() ? BackendProcess.start(READY_TIMEOUT) : null;
            try {
                ServerOptions serverOptions = backend == null ? plan.options()
                        : plan.options().withBackendPort(backend.port());
                if (plan.mode().isNode()) {
                    SupervisedServer.Starter node = (opts, cpus, timeout) -> ServerProcess.startNode(opts, plan.mode(),
                            opts.workers(), cpus, timeout);
                    return plan.hasFaults()
                            ? SupervisedServer.start(serverOptions, cores, READY_TIMEOUT, backend, node)
                            : ServerUnderTest.of(node.start(serverOptions, cores, READY_TIMEOUT), backend);
                }
                if (plan.hasFaults()) {
                    return SupervisedServer.start(serverOptions, cores, options.serverJvmFlags(), READY_TIMEOUT,
                            backend);
                }
                return ServerUnderTest.of(ServerProcess.startMode(serverOptions, cores, options.serverJvmFlags(),
                        READY_TIMEOUT), backend);
            } catch (IOException | RuntimeException e) {
                if (backend != null) {
                    backend.close();
                }
                throw e;
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RunFailure("cannot start " + plan.label() + ": " + e.getMessage());
        }
    }

    private RunResult snapshot(RunResult.Status status, String failure) {
        List<ConfigurationResult> configurations = new ArrayList<>();
        RoundRunner interleaved = rounds;
        if (interleaved != null) {
            interleaved.measurements().stream().filter(Measurement::hasTrials).map(Measurement::result)
                    .forEach(configurations::add);
        }
        synchronized (faultRuns) {
            configurations.addAll(faultRuns);
        }
        List<ComparisonResult> comparisons = Comparisons.of(configurations,
                options.thresholds().equivalencePercent(), CorePinning.shared(provenance));
        Double p99Target = options.thresholds().p99TargetMillis();
        return new RunResult(RunResult.SCHEMA_VERSION, runId, status, failure, started.toString(),
                Instant.now().toString(), provenance, resolvedOptions, interleaved == null ? null : interleaved.recorded(),
                calibration, configurations, comparisons, p99Target == null ? null
                        : Capacities.of(configurations, p99Target));
    }

    private void save(RunResult result) throws RunFailure {
        try {
            folder.save(result);
        } catch (IOException e) {
            throw new RunFailure("cannot save results in " + folder.path() + ": " + e.getMessage());
        }
    }

    private void saveQuietly(RunResult result) {
        try {
            folder.save(result);
        } catch (IOException e) {
            console.println("corelab: could not save results in " + folder.path() + ": " + e.getMessage());
        }
    }

    /** Ctrl-C: keep what was measured, marked as interrupted. Servers stop through their own hooks. */
    private void saveInterrupted() {
        if (finished) {
            return;
        }
        saveQuietly(snapshot(RunResult.Status.INTERRUPTED, "interrupted by a signal (Ctrl-C?)"));
        console.println("\ncorelab: interrupted; what was measured is saved in " + folder.path().toAbsolutePath());
    }
}
