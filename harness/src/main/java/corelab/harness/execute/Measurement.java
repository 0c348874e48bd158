package corelab.harness.execute;

import static corelab.harness.plan.Durations.EXTRA_WARMUP_SECONDS;
import static corelab.harness.plan.Durations.STEADY_SECONDS;
import static corelab.harness.plan.Durations.STEADY_SPREAD;

import corelab.harness.fault.FaultWindow;
import corelab.harness.fault.SupervisedServer;
import corelab.harness.load.CounterLedger;
import corelab.harness.load.LoadGenerator;
import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.load.RequestTemplate;
import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.measure.TrialHook;
import corelab.harness.measure.TrialRecorder;
import corelab.harness.plan.Durations;
import corelab.harness.plan.GeneratorSettings;
import corelab.harness.plan.LoadPoint;
import corelab.harness.plan.ServerPlan;
import corelab.harness.plan.Thresholds;
import corelab.harness.server.ProcessTreeSampler;
import corelab.harness.server.TreeSample;
import corelab.harness.tool.Generator;
import corelab.harness.tool.ToolRun;
import corelab.results.ConfigurationResult;
import corelab.results.FaultResult;
import corelab.results.ToolTrial;
import corelab.results.TrialResult;
import corelab.workloads.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Measures one configuration: load starts, runs through the warmup (never recorded), then
 * through the trials back to back, sampled once a second; trials differ only in which
 * seconds they own. The load never stops in between, so no trial starts cold. A fault run
 * measures one finely sampled window instead, with the fault fired into it ({@link FaultWindow}).
 */
final class Measurement {
    private final Durations durations;
    private final GeneratorSettings generator;
    private final Thresholds thresholds;
    private final ServerUnderTest server;
    private final ServerPlan plan;
    private final LoadPoint point;
    private final int coresAllowed;
    /** The server's {@code counter} answers over its life; null when the counter workload does not run. */
    private final CounterLedger ledger;
    /** Called once per second of load, for the progress bar. */
    private final IntConsumer secondsDone;
    /** What runs at each trial's boundaries (the profiler); {@link TrialHook#NONE} for nothing. */
    private final TrialHook trialHook;
    /** What the id ends with: "" unprofiled, else the profile's mark. */
    private final String idSuffix;
    private int warmupSecondsUsed;
    private FaultResult fault;

    Measurement(Durations durations, GeneratorSettings generator, Thresholds thresholds, ServerUnderTest server,
                ServerPlan plan, LoadPoint point, CounterLedger ledger, IntConsumer secondsDone) {
        this(durations, generator, thresholds, server, plan, point, ledger, secondsDone, TrialHook.NONE, "");
    }

    Measurement(Durations durations, GeneratorSettings generator, Thresholds thresholds, ServerUnderTest server,
                ServerPlan plan, LoadPoint point, CounterLedger ledger, IntConsumer secondsDone, TrialHook trialHook,
                String idSuffix) {
        this.trialHook = trialHook;
        this.idSuffix = idSuffix;
        this.durations = durations;
        this.generator = generator;
        this.thresholds = thresholds;
        this.server = server;
        this.plan = plan;
        this.point = point;
        this.ledger = point.workload() == Workload.COUNTER ? ledger : null;
        this.coresAllowed = plan.cores() > 0 ? plan.cores() : Runtime.getRuntime().availableProcessors();
        this.secondsDone = secondsDone;
    }

    ConfigurationResult run(List<RequestTemplate> requests) throws RunFailure, InterruptedException {
        if (point.generator() != Generator.CORELAB) {
            return runTool(requests.get(0).target());
        }
        List<TrialResult> trials = new ArrayList<>();
        try (LoadGenerator generator = new LoadGenerator(server.address(), this.generator.spec(point), requests, ledger)) {
            try {
                generator.start();
            } catch (IOException e) {
                throw new RunFailure("the load generator cannot reach " + server.description() + ": " + e.getMessage());
            }
            long next = System.nanoTime();
            List<Double> warmupThroughputs = new ArrayList<>();
            int longest = durations.warmupSeconds() == 0 ? 0 : durations.warmupSeconds() + EXTRA_WARMUP_SECONDS;
            while (warmupSecondsUsed < durations.warmupSeconds()
                    || (warmupSecondsUsed < longest && !steady(warmupThroughputs))) {
                next = sleepUntil(next + TimeUnit.SECONDS.toNanos(1));
                // Warmup figures are read only to judge steadiness, then dropped: never in a trial.
                warmupThroughputs.add(generator.sample().throughputPerSecond());
                warmupSecondsUsed++;
                if (warmupSecondsUsed <= durations.warmupSeconds()) {
                    secondsDone.accept(1);
                }
            }
            generator.sample(); // whatever came since the last warmup second is dropped too
            if (point.fault() != null) {
                trials.add(measureFault(generator));
            } else {
                measureTrials(generator, next, trials);
            }
        }
        // The generator is closed: its last answers, the counter's included, are in.
        return Summaries.configuration(id(), plan, point, coresAllowed, server, warmupSecondsUsed, trials, ledger, fault,
                thresholds);
    }

    /**
     * The same configuration driven by wrk or ab: one tool run for the warmup (its figures dropped),
     * then one per trial, so the intervals still come from trials. The tool sends one request target
     * (the first of corelab's) and checks no answer; the server is measured from outside as always.
     */
    private ConfigurationResult runTool(String target) throws RunFailure, InterruptedException {
        Generator tool = point.generator();
        int threads = tool == Generator.WRK ? Math.min(generator.loadThreads(), point.concurrency()) : 1;
        try {
            ToolRun.command(tool, server.address(), target, point.concurrency(), threads, 1);
        } catch (IllegalArgumentException e) {
            throw new RunFailure(e.getMessage()); // a server beyond this machine: never loaded by a tool
        }
        if (durations.warmupSeconds() > 0) {
            runToolOnce(tool, ToolRun.command(tool, server.address(), target, point.concurrency(), threads,
                    durations.warmupSeconds()), durations.warmupSeconds());
            warmupSecondsUsed = durations.warmupSeconds();
            secondsDone.accept(warmupSecondsUsed);
        }
        List<TrialResult> trials = new ArrayList<>();
        for (int index = 1; index <= durations.trials(); index++) {
            TrialRecorder recorder = new TrialRecorder(index, point.model(), coresAllowed, sampleServer(),
                    server.statsByProcess(), System.nanoTime());
            List<String> command = ToolRun.command(tool, server.address(), target, point.concurrency(), threads,
                    durations.trialSeconds());
            ToolRun.Measured measured = runToolOnce(tool, command, durations.trialSeconds());
            long end = System.nanoTime();
            secondsDone.accept(durations.trialSeconds());
            checkServerAlive();
            Map<String, String> missing = new HashMap<>(measured.figures().missing());
            if (ledger != null) {
                missing.put("counterCheck", "the tool does not read the counts in the answers");
            }
            trials.add(recorder.finishTool(new ToolTrial(tool.word(), command, missing), measured.figures(),
                    measured.cpuNanos(), threads, sampleServer(), server.statsByProcess(), end));
        }
        return Summaries.configuration(id(), plan, point, coresAllowed, server, warmupSecondsUsed, trials, null, null,
                thresholds);
    }

    private ToolRun.Measured runToolOnce(Generator tool, List<String> command, int seconds)
            throws RunFailure, InterruptedException {
        try {
            return ToolRun.run(tool, command, seconds);
        } catch (IOException e) {
            throw new RunFailure(tool.word() + " against " + server.description() + ": " + e.getMessage());
        }
    }

    private TrialResult measureFault(LoadGenerator generator) throws RunFailure, InterruptedException {
        if (!(server instanceof SupervisedServer supervised)) {
            throw new IllegalStateException("a fault run needs a supervised server");
        }
        FaultWindow window = new FaultWindow(supervised, point.fault(), durations.faultWindowSeconds(), point.model(),
                coresAllowed, this::sampleServer, secondsDone);
        window.run(generator);
        fault = window.result();
        return window.trial();
    }

    private void measureTrials(LoadGenerator generator, long next, List<TrialResult> trials)
            throws RunFailure, InterruptedException {
        for (int index = 1; index <= durations.trials(); index++) {
            trialHook.trialStarts(index);
            TreeSample atStart = sampleServer();
            TrialRecorder recorder = new TrialRecorder(index, point.model(), coresAllowed, atStart,
                    server.statsByProcess(), System.nanoTime());
            for (int second = 0; second < durations.trialSeconds(); second++) {
                next = sleepUntil(next + TimeUnit.SECONDS.toNanos(1));
                LoadInterval interval = generator.sample();
                recorder.add(interval, sampleServer());
                secondsDone.accept(1);
                checkServerAlive();
            }
            TrialResult trial = recorder.finish(server.statsByProcess());
            trialHook.trialEnds(index);
            trials.add(trial);
        }
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
