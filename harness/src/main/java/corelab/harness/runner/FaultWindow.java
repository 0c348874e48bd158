package corelab.harness.runner;

import corelab.harness.load.LoadGenerator;
import corelab.harness.load.LoadModel;
import corelab.harness.results.FaultResult;
import corelab.harness.results.IntervalResult;
import corelab.harness.results.TrialResult;
import corelab.harness.server.TreeSample;
import corelab.harness.server.WorkerOnline;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A fault run's measured period: one continuous window (the trials' time, back to back),
 * sampled every {@value #SAMPLE_MILLIS} ms so that an error burst and a recovery have
 * resolution, with the fault fired at its time. It is one observation: one trial, no
 * confidence interval, and the report says so rather than dress a single event as noise.
 */
final class FaultWindow {
    static final int SAMPLE_MILLIS = 100;
    private static final int SAMPLES_PER_SECOND = 1000 / SAMPLE_MILLIS;

    private final SupervisedServer server;
    private final Fault fault;
    private final int windowSeconds;
    private final LoadModel model;
    private final int coresAllowed;
    private final Supplier<TreeSample> serverSample;
    private final IntConsumer secondsDone;

    private TrialResult trial;
    private FaultResult result;

    FaultWindow(SupervisedServer server, Fault fault, int windowSeconds, LoadModel model, int coresAllowed,
                Supplier<TreeSample> serverSample, IntConsumer secondsDone) {
        this.server = server;
        this.fault = fault;
        this.windowSeconds = windowSeconds;
        this.model = model;
        this.coresAllowed = coresAllowed;
        this.serverSample = serverSample;
        this.secondsDone = secondsDone;
    }

    /** Runs the window from {@code nextNanos}, the tick the warmup ended on. */
    void run(LoadGenerator generator, long nextNanos) throws RunFailure, InterruptedException {
        int samples = windowSeconds * SAMPLES_PER_SECOND;
        // At a tick, so the interval before the kill and the one after it are whole intervals.
        int killIndex = (int) Math.min(samples - 1, Math.max(1, Math.round(fault.atSeconds() * SAMPLES_PER_SECOND)));
        long startNanos = System.nanoTime();
        TrialRecorder recorder = new TrialRecorder(1, model, coresAllowed, serverSample.get(),
                server.requestsByProcess(), startNanos);
        long killNanos = 0;
        long killedPid = 0;
        Integer killedWorker = null;
        long next = nextNanos;
        for (int index = 0; index < samples; index++) {
            if (index == killIndex) {
                killNanos = System.nanoTime();
                try {
                    if (fault.kind() == Fault.Kind.KILL_WORKER) {
                        WorkerOnline victim = server.killLowestWorker();
                        killedPid = victim.pid();
                        killedWorker = victim.id();
                    } else {
                        killedPid = server.killServer();
                    }
                } catch (IllegalStateException e) {
                    throw new RunFailure("cannot fire " + fault.word() + ": " + e.getMessage());
                }
            }
            next = sleepUntil(next + TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS));
            recorder.add(generator.sample(), serverSample.get());
            if ((index + 1) % SAMPLES_PER_SECOND == 0) {
                secondsDone.accept(1);
            }
            if (!server.isAlive()) { // a supervised server is alive or being restarted: this is worse
                throw new RunFailure(server.description() + " died during the fault run and was not restarted; its last"
                        + " output:\n  " + String.join("\n  ", server.recentOutput()));
            }
        }
        long endNanos = System.nanoTime();
        server.awaitRestart(); // the next configuration needs a server; the window's figures are already taken
        trial = recorder.finish(server.requestsByProcess());
        result = figures(trial.intervals(), killIndex, (killNanos - startNanos) / 1e9, killedPid, killedWorker,
                killNanos, endNanos);
    }

    private FaultResult figures(List<IntervalResult> intervals, int killIndex, double firedAtSeconds, long killedPid,
                                Integer killedWorker, long killNanos, long endNanos) {
        int restarts;
        Long restartMillis = null;
        if (fault.kind() == Fault.Kind.KILL_WORKER) {
            List<WorkerOnline> replacements = server.workersOnline().stream()
                    .filter(w -> w.seenNanos() > killNanos && w.seenNanos() <= endNanos).toList();
            restarts = replacements.size();
            if (!replacements.isEmpty()) {
                restartMillis = TimeUnit.NANOSECONDS.toMillis(replacements.get(0).seenNanos() - killNanos);
            }
        } else {
            long restarted = server.restartedNanos();
            boolean inWindow = server.restarts() > 0 && restarted > killNanos && restarted <= endNanos;
            restarts = inWindow ? 1 : 0;
            restartMillis = inWindow ? TimeUnit.NANOSECONDS.toMillis(restarted - killNanos) : null;
        }
        return new FaultResult(fault.kind().word(), fault.atSeconds(), firedAtSeconds, SAMPLE_MILLIS, killedPid,
                killedWorker, FaultFigures.failedAfter(intervals, killIndex),
                FaultFigures.throughputBefore(intervals, killIndex), FaultFigures.lowestAfter(intervals, killIndex),
                FaultFigures.outageMillis(intervals, killIndex),
                FaultFigures.recoveryMillis(intervals, killIndex, firedAtSeconds), restarts, restartMillis);
    }


    TrialResult trial() {
        return trial;
    }

    FaultResult result() {
        return result;
    }

    private static long sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        return deadlineNanos;
    }
}
