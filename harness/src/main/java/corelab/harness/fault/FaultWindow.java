package corelab.harness.fault;

import corelab.harness.load.AnswerGaps;
import corelab.harness.load.LoadGenerator;
import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.measure.RunFailure;
import corelab.harness.measure.TrialRecorder;
import corelab.harness.plan.Fault;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.harness.server.WorkerOnline;
import corelab.results.FaultResult;
import corelab.results.IntervalResult;
import corelab.results.TrialResult;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A fault run's measured period: one continuous window (the trials' time, back to back),
 * sampled every {@value #SAMPLE_MILLIS} ms so that an error burst and a recovery have
 * resolution, with the fault fired at its time. It is one observation: one trial, no
 * confidence interval, and the report says so rather than dress a single event as noise.
 */
public final class FaultWindow {
    static final int SAMPLE_MILLIS = 100;
    /** How long after the window the harness waits for a killed worker's replacement before counting none. */
    static final long RESTART_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final SupervisedServer server;
    private final Fault fault;
    private final int windowSeconds;
    private final LoadModel model;
    private final int coresAllowed;
    private final Supplier<TreeSample> serverSample;
    private final IntConsumer secondsDone;

    private TrialResult trial;
    private FaultResult result;

    public FaultWindow(SupervisedServer server, Fault fault, int windowSeconds, LoadModel model, int coresAllowed,
                Supplier<TreeSample> serverSample, IntConsumer secondsDone) {
        this.server = server;
        this.fault = fault;
        this.windowSeconds = windowSeconds;
        this.model = model;
        this.coresAllowed = coresAllowed;
        this.serverSample = serverSample;
        this.secondsDone = secondsDone;
    }

    /**
     * Runs the window. A sample taken late (the harness was descheduled) moves the schedule
     * rather than leaving a sliver of an interval after it: a 3 ms interval would show a
     * throughput of nothing or of thousands, noise that reads as a dip or a burst.
     */
    public void run(LoadGenerator generator) throws RunFailure, InterruptedException {
        long periodNanos = TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS);
        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(windowSeconds);
        // At a tick, so the interval before the kill and the one after it are whole intervals,
        // and never at the very start or end, so there is a "before" and an "after".
        long ticks = Math.max(1, Math.round(fault.atSeconds() * 1000 / SAMPLE_MILLIS));
        long killAtNanos = Math.min(startNanos + ticks * periodNanos, endNanos - periodNanos);
        TrialRecorder recorder = new TrialRecorder(1, model, coresAllowed, serverSample.get(),
                server.statsByProcess(), startNanos);
        int killIndex = -1;
        long killNanos = 0;
        long killedPid = 0;
        Integer killedWorker = null;
        int workersBefore = server.workersOnline().size();
        int secondsReported = 0;
        long tick = startNanos;
        for (int index = 0; tick < endNanos - periodNanos / 2; index++) {
            if (killIndex < 0 && tick >= killAtNanos - periodNanos / 2) {
                killIndex = index;
                killNanos = System.nanoTime();
                try {
                    switch (fault.kind()) {
                        case KILL_WORKER -> {
                            WorkerOnline victim = server.killLowestWorker();
                            killedPid = victim.pid();
                            killedWorker = victim.id();
                        }
                        case STOP_WORKER -> {
                            WorkerOnline victim = server.stopLowestWorker();
                            killedPid = victim.pid();
                            killedWorker = victim.id();
                        }
                        case KILL_SERVER -> killedPid = server.killServer();
                        case STOP_SERVER -> killedPid = server.stopServer();
                        case RELOAD -> server.reload();
                        case CRASH_LOOP -> server.crashLoop();
                    }
                } catch (IllegalStateException | java.io.IOException e) {
                    throw new RunFailure("cannot fire " + fault.word() + ": " + e.getMessage());
                }
            }
            tick += periodNanos;
            sleepUntil(tick);
            LoadInterval interval = generator.sample();
            recorder.add(interval, serverSample.get());
            if (interval.endNanos() - tick > periodNanos / 2) {
                tick = interval.endNanos(); // late: the schedule moves, so the next interval is a whole one too
            }
            for (; secondsReported < Math.min(windowSeconds, (tick - startNanos) / 1_000_000_000L); secondsReported++) {
                secondsDone.accept(1);
            }
            if (!server.isAlive() && server.gaveUp().isPresent()) {
                continue; // it stopped by itself after a crash loop: the generator counts what that costs
            }
            if (!server.isAlive()) { // a supervised server is alive or being restarted: this is worse
                throw new RunFailure(server.description() + " died during the fault run and was not restarted; its last"
                        + " output:\n  " + String.join("\n  ", server.recentOutput()));
            }
        }
        secondsDone.accept(windowSeconds - secondsReported);
        long windowEndNanos = System.nanoTime();
        List<AnswerGaps.Gap> silences = generator.answerGaps(windowEndNanos);
        trial = recorder.finish(server.statsByProcess(), Double.NaN, TrialResult.RUNS_ALONE,
                TreeMemory.UNKNOWN); // a fault run has the machine to itself
        // The window's figures are taken; the restart is waited for past its end, so that
        // a slow JVM start is measured (restartMillis beyond the window) rather than missed,
        // and the next configuration finds a whole server.
        server.awaitRestart();
        if (fault.kind().onOneWorker()) {
            awaitReplacements(killNanos, 1);
        } else if (fault.kind() == Fault.Kind.RELOAD) {
            awaitReplacements(killNanos, workersBefore);
        }
        result = figures(trial.intervals(), killIndex, (killNanos - startNanos) / 1e9, killedPid, killedWorker,
                killNanos, FaultFigures.outageMillis(silences, killNanos, windowEndNanos));
    }

    private FaultResult figures(List<IntervalResult> intervals, int killIndex, double firedAtSeconds, long killedPid,
                                Integer killedWorker, long killNanos, long outageMillis) {
        OptionalInt gaveUp = server.gaveUp();
        int restarts;
        Long restartMillis = null;
        boolean wholeServer = fault.kind().onWholeServer();
        if (!wholeServer) {
            List<WorkerOnline> replacements = replacements(killNanos);
            restarts = replacements.size();
            if (!replacements.isEmpty()) {
                // A killed worker's first replacement; a reload's last new worker, when the reload was done.
                WorkerOnline which = replacements.get(fault.kind() == Fault.Kind.RELOAD ? replacements.size() - 1 : 0);
                restartMillis = TimeUnit.NANOSECONDS.toMillis(which.seenNanos() - killNanos);
            }
        } else {
            boolean restarted = server.restarts() > 0 && server.restartedNanos() > killNanos;
            restarts = restarted ? 1 : 0;
            restartMillis = restarted ? TimeUnit.NANOSECONDS.toMillis(server.restartedNanos() - killNanos) : null;
        }
        return new FaultResult(fault.kind().word(), fault.atSeconds(), firedAtSeconds, SAMPLE_MILLIS, killedPid,
                killedWorker, FaultFigures.failedAfter(intervals, killIndex),
                FaultFigures.throughputBefore(intervals, killIndex), FaultFigures.lowestAfter(intervals, killIndex),
                outageMillis,
                FaultFigures.recoveryMillis(intervals, killIndex, firedAtSeconds), restarts, restartMillis,
                gaveUp.isPresent() ? gaveUp.getAsInt() : null,
                gaveUp.isPresent() ? TimeUnit.NANOSECONDS.toMillis(Math.max(0, server.exitedNanos() - killNanos)) : null);
    }

    private List<WorkerOnline> replacements(long killNanos) {
        return server.workersOnline().stream().filter(w -> w.seenNanos() > killNanos).toList();
    }

    /** Up to {@link #RESTART_WAIT_NANOS} for the primary to bring {@code count} new workers online. */
    private void awaitReplacements(long sinceNanos, int count) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT_NANOS;
        while (replacements(sinceNanos).size() < count && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    public TrialResult trial() {
        return trial;
    }

    public FaultResult result() {
        return result;
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
