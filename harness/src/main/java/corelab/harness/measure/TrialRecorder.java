package corelab.harness.measure;

import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.server.ProcessSample;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.harness.tool.ToolFigures;
import corelab.modes.wire.StatsLine;
import corelab.results.Errors;
import corelab.results.GeneratorUsage;
import corelab.results.Histograms;
import corelab.results.IntervalResult;
import corelab.results.Latency;
import corelab.results.ProcessUsage;
import corelab.results.ServerUsage;
import corelab.results.ToolTrial;
import corelab.results.TrialResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The mutable side of one trial: interval samples go in as they come, once a second, and
 * an immutable {@link TrialResult} comes out at the end. Nothing here is shared between
 * threads; the runner owns it.
 */
public final class TrialRecorder {
    private final int index;
    private final LoadModel model;
    private final int coresAllowed;
    private final TreeSample serverAtStart;   // null when corelab does not see the server
    private final Map<Long, StatsLine> statsAtStart;
    private final long startNanos;
    private final long startEpochMillis; // startNanos on the wall clock, for the intervals' absolute times

    private final Histogram latency = Histograms.empty();
    private final Histogram uncorrected = Histograms.empty();
    private final List<IntervalResult> intervals = new ArrayList<>();
    private TreeSample lastServerSample;
    private long sent;
    private long completed;
    private long intended;
    private Errors errors = new Errors(0, 0, 0, 0);
    private long generatorCpuNanos;
    private long generatorWaitNanos; // -1 once any interval's is unknown
    private int generatorThreads = 1;
    private long rssBytesMax;
    private int threadsMax;
    private long endNanos;

    public TrialRecorder(int index, LoadModel model, int coresAllowed, TreeSample serverAtStart,
                  Map<Long, StatsLine> statsAtStart, long startNanos) {
        this.index = index;
        this.model = model;
        this.coresAllowed = coresAllowed;
        this.serverAtStart = serverAtStart;
        this.lastServerSample = serverAtStart;
        this.statsAtStart = Map.copyOf(statsAtStart);
        this.startNanos = startNanos;
        this.startEpochMillis = System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
        this.endNanos = startNanos;
    }

    /** One interval of load and, when corelab sees the server, the server's tree at its end. */
    public void add(LoadInterval load, TreeSample server) {
        latency.add(load.latencyMicros());
        uncorrected.add(load.uncorrectedLatencyMicros());
        sent += load.sent();
        completed += load.completed();
        intended += load.intendedRequests();
        errors = errors.plus(new Errors(load.wrongAnswers(), load.statusErrors(), load.timeouts(), load.connectionErrors()));
        generatorCpuNanos += load.generatorCpuNanos();
        generatorWaitNanos = generatorWaitNanos < 0 || load.generatorRunQueueWaitNanos() < 0 ? -1
                : generatorWaitNanos + load.generatorRunQueueWaitNanos();
        generatorThreads = load.generatorThreads();

        double serverCores = Double.NaN;
        long rss = -1;
        if (server != null && lastServerSample != null) {
            double wallNanos = server.nanoTime() - lastServerSample.nanoTime();
            serverCores = wallNanos > 0 ? cpuNanosBetween(lastServerSample, server) / wallNanos : Double.NaN;
            rss = server.totalRssBytes();
            rssBytesMax = Math.max(rssBytesMax, rss);
            threadsMax = Math.max(threadsMax, server.totalThreads());
            lastServerSample = server;
        }
        Latency intervalLatency = Latency.of(load.latencyMicros());
        long sinceStartNanos = load.startNanos() - startNanos;
        intervals.add(new IntervalResult(sinceStartNanos / 1e9, startEpochMillis + sinceStartNanos / 1_000_000,
                load.seconds(), load.completed(),
                load.errors(), load.throughputPerSecond(), intervalLatency.p50Micros(), intervalLatency.p99Micros(),
                intervalLatency.maxMicros(), serverCores, rss, load.generatorUtilization(),
                Histograms.encode(load.latencyMicros())));
        endNanos = load.endNanos();
    }

    /**
     * The trial, closed.
     *
     * @param statsAtEnd           each process's latest stats line, as {@code statsAtStart} was at the start
     * @param otherServersCpuCores what the run's other servers, idle, used meanwhile (NaN: none, or unseen)
     * @param otherServersReason   why that is NaN (a {@link TrialResult} constant), null when it is not
     * @param memoryAtEnd          the server tree's RSS and PSS at the trial's end
     */
    public TrialResult finish(Map<Long, StatsLine> statsAtEnd, double otherServersCpuCores, String otherServersReason,
                              TreeMemory memoryAtEnd) {
        double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
        double generatorCpuSeconds = generatorCpuNanos / 1e9;
        GeneratorUsage generator = new GeneratorUsage(generatorThreads, generatorCpuSeconds,
                generatorCpuNanos / (seconds * 1e9 * generatorThreads),
                completed == 0 ? Double.NaN : generatorCpuNanos / 1e3 / completed,
                intended / seconds, sent / seconds,
                generatorWaitNanos < 0 ? Double.NaN : generatorWaitNanos / (seconds * 1e9 * generatorThreads),
                generatorWaitNanos < 0 ? GeneratorUsage.NO_SCHEDSTAT : null);
        ServerUsage server = serverUsage(seconds, statsAtEnd, memoryAtEnd);
        boolean open = model instanceof LoadModel.Open;
        return new TrialResult(index, seconds, completed, sent, intended, errors, completed / seconds,
                Latency.of(latency), open ? Latency.of(uncorrected) : null, server, generator, intervals,
                Histograms.encode(latency), open ? Histograms.encode(uncorrected) : null, otherServersCpuCores,
                otherServersReason, null);
    }

    /**
     * A trial that a tool drove ({@code -Dgenerator=wrk|ab|ab-k}): its figures in place of corelab's
     * intervals and histograms, which it does not have; the server measured from outside as always,
     * its tree sampled at the tool's start and at its end. The tool's run-queue wait is not read.
     */
    public TrialResult finishTool(ToolTrial tool, ToolFigures figures, long toolCpuNanos, int toolThreads,
                                  TreeSample serverAtEnd, Map<Long, StatsLine> statsAtEnd, long endNanos,
                                  double otherServersCpuCores, String otherServersReason, TreeMemory memoryAtEnd) {
        this.endNanos = endNanos;
        double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
        completed = figures.completed();
        errors = figures.errors();
        long attempts = completed + errors.total();
        if (serverAtEnd != null && lastServerSample != null) {
            rssBytesMax = serverAtEnd.totalRssBytes();
            threadsMax = serverAtEnd.totalThreads();
            lastServerSample = serverAtEnd;
        }
        GeneratorUsage generator = new GeneratorUsage(toolThreads, toolCpuNanos / 1e9,
                toolCpuNanos / (seconds * 1e9 * toolThreads),
                completed == 0 ? Double.NaN : toolCpuNanos / 1e3 / completed, Double.NaN, attempts / seconds,
                Double.NaN, GeneratorUsage.TOOL_NOT_SAMPLED);
        return new TrialResult(index, seconds, completed, attempts, attempts, errors, figures.throughputPerSecond(),
                figures.latency(), null, serverUsage(seconds, statsAtEnd, memoryAtEnd), generator, List.of(), null,
                null, otherServersCpuCores, otherServersReason, tool);
    }

    /**
     * The server's CPU in the trial's {@code seconds} of load. The tree is read at its own instants, a little
     * before the load's first second and a little after its last: under load a sampler thread waits its turn for a
     * core, and with 200 busy server threads on 2 cores that took a tenth of a second and more, so the CPU read
     * spanned 2.2 s of a 2.0 s trial (2.17 "cores" of 2 in one run). Each process's CPU is therefore taken at the
     * rate it ran between the two readings, over the trial's seconds of load: the figures describe the same
     * seconds as the requests they are divided by.
     */
    private ServerUsage serverUsage(double seconds, Map<Long, StatsLine> statsAtEnd, TreeMemory memoryAtEnd) {
        if (serverAtStart == null || lastServerSample == null) {
            return null;
        }
        double sampledSeconds = (lastServerSample.nanoTime() - serverAtStart.nanoTime()) / 1e9;
        double toLoadWindow = sampledSeconds > 0 ? seconds / sampledSeconds : 1;
        Map<Long, Long> cpuAtStart = new HashMap<>();
        serverAtStart.processes().forEach(p -> cpuAtStart.put(p.pid(), p.cpuNanos()));
        List<ProcessUsage> processes = new ArrayList<>();
        long cpuNanos = 0; // the tree's, as cpuNanosBetween counts it: the processes' deltas added up
        long refused = -1; // unknown until some process reports its count
        for (ProcessSample p : lastServerSample.processes()) {
            StatsLine end = statsAtEnd.get(p.pid());
            StatsLine start = statsAtStart.get(p.pid());
            long requests = end == null ? -1 : end.requests() - (start == null ? 0 : start.requests());
            long refusedHere = end == null ? -1 : end.refusedConnections() - (start == null ? 0 : start.refusedConnections());
            if (refusedHere >= 0) {
                refused = Math.max(refused, 0) + refusedHere; // a cluster's refusals are its workers' added up
            }
            long processCpuNanos = Math.round(toLoadWindow
                    * Math.max(0, p.cpuNanos() - cpuAtStart.getOrDefault(p.pid(), 0L)));
            cpuNanos += processCpuNanos;
            processes.add(new ProcessUsage(p.pid(), p.command(), processCpuNanos / 1e9, p.rssBytes(), p.threads(),
                    requests, refusedHere));
        }
        double cpuSeconds = cpuNanos / 1e9;
        return new ServerUsage(coresAllowed, cpuSeconds, cpuSeconds / seconds,
                cpuSeconds > 0 ? completed / cpuSeconds : Double.NaN, rssBytesMax, threadsMax, refused, processes,
                memoryAtEnd.rssBytes(), memoryAtEnd.pssBytes());
    }

    /** CPU the tree used between two samples; a process that appeared in between (a restarted worker) counts whole. */
    static long cpuNanosBetween(TreeSample from, TreeSample to) {
        Map<Long, Long> before = new HashMap<>();
        from.processes().forEach(p -> before.put(p.pid(), p.cpuNanos()));
        long total = 0;
        for (ProcessSample p : to.processes()) {
            total += Math.max(0, p.cpuNanos() - before.getOrDefault(p.pid(), 0L));
        }
        return total;
    }
}
