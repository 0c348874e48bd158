package corelab.harness.execute;

import static corelab.harness.plan.Durations.EXTRA_WARMUP_SECONDS;
import static corelab.harness.plan.Durations.STEADY_SECONDS;
import static corelab.harness.plan.Durations.STEADY_SPREAD;

import corelab.harness.fault.FaultWindow;
import corelab.harness.fault.SupervisedServer;
import corelab.harness.load.CounterLedger;
import corelab.harness.load.LoadGenerator;
import corelab.harness.load.LoadModel;
import corelab.harness.load.RequestTemplate;
import corelab.harness.measure.ResourceMeter;
import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.measure.TrialRecorder;
import corelab.harness.plan.Durations;
import corelab.harness.plan.GeneratorSettings;
import corelab.harness.plan.LoadPoint;
import corelab.harness.plan.ServerPlan;
import corelab.harness.plan.Thresholds;
import corelab.harness.server.ProcessTreeSampler;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.harness.tool.Generator;
import corelab.harness.tool.ToolRun;
import corelab.modes.wire.StatsLine;
import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.FaultResult;
import corelab.results.ToolTrial;
import corelab.results.TrialResult;
import corelab.workloads.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Measures one configuration. In a run of interleaved rounds ({@link RoundRunner}) the trials come one at a
 * time, each in its own load: {@link #warmUp} once per server start (never recorded, and longer until the
 * throughput is steady), then {@link #trial} once per round, after a short re-warm that is never recorded
 * either, because the server sat idle while the others were measured. A fault run ({@link #runFaultWindow})
 * measures one finely sampled window instead, with the fault fired into it ({@link FaultWindow}).
 */
final class Measurement {
    private final Durations durations;
    private final GeneratorSettings generator;
    private final Thresholds thresholds;
    private final ServerPlan plan;
    private final LoadPoint point;
    private final int coresAllowed;
    /** Called once per second of load, for the progress bar. */
    private final IntConsumer secondsDone;
    /** What runs at each trial's boundaries (the profiler); {@link TrialHooks#NONE} for nothing. */
    private final TrialHooks hooks;
    /** The profiler's trials, or null when this configuration is not profiled. */
    private final ProfiledTrials profile;
    /** What the id ends with: "" unprofiled, else the profile's mark. */
    private final String idSuffix;
    // Read by the shutdown hook that saves an interrupted run while the runner thread may still add to it.
    private final List<TrialResult> trials = new CopyOnWriteArrayList<>();
    /** The server of the latest start: a fork restarts it. */
    private ServerUnderTest server;
    /** The server's {@code counter} answers over the latest start's life; null when the counter workload does not run. */
    private CounterLedger ledger;
    private int warmupSecondsUsed;
    private FaultResult fault;

    /** {@code profile}: null unprofiled; else its id ends with {@code idSuffix}. */
    Measurement(Durations durations, GeneratorSettings generator, Thresholds thresholds, ServerPlan plan,
                LoadPoint point, IntConsumer secondsDone, ProfiledTrials profile, String idSuffix) {
        this.profile = profile;
        this.hooks = profile == null ? TrialHooks.NONE : profile;
        this.idSuffix = idSuffix;
        this.durations = durations;
        this.generator = generator;
        this.thresholds = thresholds;
        this.plan = plan;
        this.point = point;
        this.coresAllowed = generator.pinning().coresAllowed(plan.cores());
        this.secondsDone = secondsDone;
    }

    /** {@code started} has just started, before any configuration's warmup on it. */
    void serverStarted(ServerUnderTest started) {
        hooks.serverStarted(started);
    }

    /** A (re)started server: the trials that follow measure it; its first load is a full warmup. */
    void warmUp(ServerUnderTest started, CounterLedger counterAnswers, List<RequestTemplate> requests)
            throws RunFailure, InterruptedException {
        this.server = started;
        this.ledger = point.workload() == Workload.COUNTER ? counterAnswers : null;
        if (point.generator() != Generator.CORELAB) {
            warmUpTool(requests.get(0).target());
            return;
        }
        try (LoadGenerator load = startLoad(requests)) {
            warmupSecondsUsed = Math.max(warmupSecondsUsed, warm(load));
        }
    }

    /**
     * One trial in a load of its own: {@code rewarmSeconds} unrecorded, then {@code trialSeconds} recorded.
     *
     * @param others the run's other servers, idle meanwhile: their CPU during the trial is recorded with it
     */
    void trial(int index, int rewarmSeconds, List<RequestTemplate> requests, List<ServerUnderTest> others)
            throws RunFailure, InterruptedException {
        if (point.generator() != Generator.CORELAB) {
            toolTrial(index, rewarmSeconds, requests.get(0).target(), others);
            return;
        }
        try (LoadGenerator load = startLoad(requests)) {
            long next = System.nanoTime();
            for (int second = 0; second < rewarmSeconds; second++) {
                next = sleepUntil(next + TimeUnit.SECONDS.toNanos(1));
                secondsDone.accept(1);
            }
            // Reading the trees in /proc can take a good part of a second on a busy machine: done before the
            // trial starts, so that the trial's seconds are whole seconds of load from the sample below.
            OtherServers idle = OtherServers.start(others);
            Map<Long, StatsLine> statsAtStart = server.statsByProcess();
            hooks.trialStarted(id(), index, server);
            // The server's readings right before the load's first second, as the last ones come right after its
            // last: CPU read over more than the trial's seconds would be divided by fewer requests.
            ResourceMeter resources = ResourceMeter.start(server);
            TreeSample atStart = sampleServer();
            next = load.sample().endNanos(); // the re-warm is dropped: never in a trial
            load.countConnectionsFrom(next);
            TrialRecorder recorder = new TrialRecorder(index, point.model(), coresAllowed, atStart, statsAtStart,
                    next);
            for (int second = 0; second < durations.trialSeconds(); second++) {
                next = sleepUntil(next + TimeUnit.SECONDS.toNanos(1));
                recorder.add(load.sample(), sampleServer());
                secondsDone.accept(1);
                checkServerAlive();
            }
            List<ConnectionResult> connections = load.connectionShares(next);
            resources.stop();
            hooks.trialEnded(id(), index, server);
            ProcessHandle root = server.handle();
            TreeMemory memory = root == null ? TreeMemory.UNKNOWN : ProcessTreeSampler.memory(root);
            double otherCores = idle.coresSinceStart();
            TrialResult trial = recorder.finish(server.statsByProcess(), otherCores, idle.whyUnknown(otherCores), memory);
            trials.add(trial.withResources(resources.finish(trial)).withConnections(connections));
        }
        hooks.trialRecorded(id(), index, server);
    }

    /** A fault run: warmup, then one window with the fault fired into it, all in one load. */
    void runFaultWindow(ServerUnderTest started, CounterLedger counterAnswers, List<RequestTemplate> requests)
            throws RunFailure, InterruptedException {
        this.server = started;
        this.ledger = point.workload() == Workload.COUNTER ? counterAnswers : null;
        try (LoadGenerator load = startLoad(requests)) {
            warmupSecondsUsed = warm(load);
            trials.add(measureFault(load));
        }
    }

    /** The trials so far as a configuration's result; the generators are closed, so every answer is counted. */
    ConfigurationResult result() {
        ConfigurationResult result = Summaries.configuration(id(), plan, point, coresAllowed, server,
                warmupSecondsUsed, trials, point.generator() == Generator.CORELAB ? ledger : null, fault, thresholds);
        return profile == null || profile.result() == null ? result : result.withProfile(profile.result());
    }

    boolean hasTrials() {
        return !trials.isEmpty();
    }

    private LoadGenerator startLoad(List<RequestTemplate> requests) throws RunFailure {
        LoadGenerator load = new LoadGenerator(server.address(), generator.spec(point), requests, ledger);
        try {
            load.start();
        } catch (IOException e) {
            load.close();
            throw new RunFailure("the load generator cannot reach " + server.description() + ": " + e.getMessage());
        }
        return load;
    }

    /** Warms up until the minimum has passed and the throughput is steady (or the longest warmup is over). */
    private int warm(LoadGenerator load) throws InterruptedException {
        long next = System.nanoTime();
        List<Double> warmupThroughputs = new ArrayList<>();
        int used = 0;
        int longest = durations.warmupSeconds() == 0 ? 0 : durations.warmupSeconds() + EXTRA_WARMUP_SECONDS;
        while (used < durations.warmupSeconds() || (used < longest && !steady(warmupThroughputs))) {
            next = sleepUntil(next + TimeUnit.SECONDS.toNanos(1));
            // Warmup figures are read only to judge steadiness, then dropped: never in a trial.
            warmupThroughputs.add(load.sample().throughputPerSecond());
            used++;
            if (used <= durations.warmupSeconds()) {
                secondsDone.accept(1);
            }
        }
        load.sample(); // whatever came since the last warmup second is dropped too
        return used;
    }

    /**
     * The same configuration driven by wrk or ab: a warmup with the tool (its figures dropped), once per server
     * start. The tool sends one request target (the first of corelab's) and checks no answer.
     */
    private void warmUpTool(String target) throws RunFailure, InterruptedException {
        try {
            ToolRun.command(point.generator(), server.address(), target, point.concurrency(), toolThreads(), 1);
        } catch (IllegalArgumentException e) {
            throw new RunFailure(e.getMessage()); // a server beyond this machine: never loaded by a tool
        }
        if (durations.warmupSeconds() > 0) {
            runToolOnce(durations.warmupSeconds(), target);
            warmupSecondsUsed = durations.warmupSeconds();
            secondsDone.accept(warmupSecondsUsed);
        }
    }

    /**
     * One trial driven by the tool: the re-warm is a short run of the same tool (its figures dropped), so the
     * server sees the tool's connections and pacing right before the recorded run, then one tool run of
     * {@code trialSeconds} is the trial; the server is measured from outside as always.
     */
    private void toolTrial(int index, int rewarmSeconds, String target, List<ServerUnderTest> others)
            throws RunFailure, InterruptedException {
        if (rewarmSeconds > 0) {
            runToolOnce(rewarmSeconds, target);
            secondsDone.accept(rewarmSeconds);
        }
        OtherServers idle = OtherServers.start(others);
        ResourceMeter resources = ResourceMeter.start(server);
        TrialRecorder recorder = new TrialRecorder(index, point.model(), coresAllowed, sampleServer(),
                server.statsByProcess(), System.nanoTime());
        hooks.trialStarted(id(), index, server);
        List<String> command = toolCommand(durations.trialSeconds(), target);
        ToolRun.Measured measured = runToolOnce(durations.trialSeconds(), target);
        long end = System.nanoTime();
        resources.stop();
        hooks.trialEnded(id(), index, server);
        secondsDone.accept(durations.trialSeconds());
        checkServerAlive();
        Map<String, String> missing = new HashMap<>(measured.figures().missing());
        if (ledger != null) {
            missing.put("counterCheck", "the tool does not read the counts in the answers");
        }
        ProcessHandle root = server.handle();
        TreeMemory memory = root == null ? TreeMemory.UNKNOWN : ProcessTreeSampler.memory(root);
        double otherCores = idle.coresSinceStart();
        TrialResult trial = recorder.finishTool(new ToolTrial(point.generator().word(), command, missing),
                measured.figures(), measured.cpuNanos(), toolThreads(), sampleServer(), server.statsByProcess(), end,
                otherCores, idle.whyUnknown(otherCores), memory);
        trials.add(trial.withResources(resources.finish(trial)));
        hooks.trialRecorded(id(), index, server);
    }

    private int toolThreads() {
        return point.generator() == Generator.WRK ? Math.min(generator.loadThreads(), point.concurrency()) : 1;
    }

    /** The tool's command, under taskset on the generator's CPUs when the run is pinned. */
    private List<String> toolCommand(int seconds, String target) {
        List<String> command = new ArrayList<>(generator.pinning().generatorCommandPrefix());
        command.addAll(ToolRun.command(point.generator(), server.address(), target, point.concurrency(), toolThreads(),
                seconds));
        return command;
    }

    private ToolRun.Measured runToolOnce(int seconds, String target) throws RunFailure, InterruptedException {
        try {
            return ToolRun.run(point.generator(), toolCommand(seconds, target), seconds);
        } catch (IOException e) {
            throw new RunFailure(point.generator().word() + " against " + server.description() + ": "
                    + e.getMessage());
        }
    }

    private TrialResult measureFault(LoadGenerator load) throws RunFailure, InterruptedException {
        if (!(server instanceof SupervisedServer supervised)) {
            throw new IllegalStateException("a fault run needs a supervised server");
        }
        FaultWindow window = new FaultWindow(supervised, point.fault(), durations.faultWindowSeconds(), point.model(),
                coresAllowed, this::sampleServer, secondsDone);
        window.run(load);
        fault = window.result();
        return window.trial();
    }

    /** How long the warmup lasted, in seconds. */
    int warmupSecondsUsed() {
        return warmupSecondsUsed;
    }

    /** True when the last seconds' throughputs lie within {@link Durations#STEADY_SPREAD} of their mean. */
    static boolean steady(List<Double> throughputs) {
        if (throughputs.size() < STEADY_SECONDS) {
            return false;
        }
        List<Double> last = throughputs.subList(throughputs.size() - STEADY_SECONDS, throughputs.size());
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return mean > 0 && (max - min) / mean <= STEADY_SPREAD;
    }

    String id() {
        StringBuilder id = new StringBuilder(plan.label());
        if (plan.threads() != null) {
            id.append("/threads").append(plan.threads());
        }
        if (plan.workers() != null) {
            id.append("/workers").append(plan.workers());
        }
        if (plan.cores() > 0) {
            id.append("/cores").append(plan.cores());
        }
        id.append('/').append(point.workload().word());
        if (plan.counter() != null && point.workload() == Workload.COUNTER) {
            id.append('/').append(plan.counter().word());
        }
        if (plan.cpuIterations() != null && point.workload().usesCpu()) {
            id.append("/iterations").append(plan.cpuIterations());
        }
        id.append('/').append(point.model().word()).append("/c").append(point.concurrency());
        if (point.model() instanceof LoadModel.Open open) {
            id.append("/rate").append((long) open.ratePerSecond());
        }
        if (point.fault() != null) {
            id.append('/').append(point.fault().word());
        }
        if (point.generator() != Generator.CORELAB) {
            id.append('/').append(point.generator().word());
        }
        return id.append(idSuffix).toString();
    }

    private TreeSample sampleServer() {
        ProcessHandle handle = server.handle();
        return handle != null && ProcessTreeSampler.available() ? ProcessTreeSampler.sample(handle) : null;
    }

    private void checkServerAlive() throws RunFailure {
        if (!server.isAlive()) {
            throw new RunFailure(server.description() + " died during the measurement; its last output:\n  "
                    + String.join("\n  ", server.recentOutput()));
        }
    }

    private static long sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        return deadlineNanos;
    }
}
