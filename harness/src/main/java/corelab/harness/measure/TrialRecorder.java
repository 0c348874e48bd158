package corelab.harness.measure;

import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.server.ProcessSample;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.results.Errors;
import corelab.results.GeneratorUsage;
import corelab.results.Histograms;
import corelab.results.IntervalResult;
import corelab.results.Latency;
import corelab.results.ProcessUsage;
import corelab.results.ServerUsage;
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
    private final Map<Long, Long> requestsAtStart;
    private final long startNanos;

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
                  Map<Long, Long> requestsAtStart, long startNanos) {
        this.index = index;
        this.model = model;
        this.coresAllowed = coresAllowed;
        this.serverAtStart = serverAtStart;
        this.lastServerSample = serverAtStart;
        this.requestsAtStart = Map.copyOf(requestsAtStart);
        this.startNanos = startNanos;
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
        intervals.add(new IntervalResult((load.startNanos() - startNanos) / 1e9, load.seconds(), load.completed(),
                load.errors(), load.throughputPerSecond(), intervalLatency.p50Micros(), intervalLatency.p99Micros(),
                intervalLatency.maxMicros(), serverCores, rss, load.generatorUtilization(),
                Histograms.encode(load.latencyMicros())));
        endNanos = load.endNanos();
    }

    /**
     * The trial, closed.
     *
     * @param otherServersCpuCores what the run's other servers, idle, used meanwhile (NaN: none, or unseen)
     * @param memoryAtEnd          the server tree's RSS and PSS at the trial's end
     */
    public TrialResult finish(Map<Long, Long> requestsAtEnd, double otherServersCpuCores, TreeMemory memoryAtEnd) {
        double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
        double generatorCpuSeconds = generatorCpuNanos / 1e9;
        GeneratorUsage generator = new GeneratorUsage(generatorThreads, generatorCpuSeconds,
                generatorCpuNanos / (seconds * 1e9 * generatorThreads),
                completed == 0 ? Double.NaN : generatorCpuNanos / 1e3 / completed,
                intended / seconds, sent / seconds,
                generatorWaitNanos < 0 ? Double.NaN : generatorWaitNanos / (seconds * 1e9 * generatorThreads));
        ServerUsage server = serverUsage(seconds, requestsAtEnd, memoryAtEnd);
        boolean open = model instanceof LoadModel.Open;
        return new TrialResult(index, seconds, completed, sent, intended, errors, completed / seconds,
                Latency.of(latency), open ? Latency.of(uncorrected) : null, server, generator, intervals,
                Histograms.encode(latency), open ? Histograms.encode(uncorrected) : null, otherServersCpuCores);
    }

    private ServerUsage serverUsage(double seconds, Map<Long, Long> requestsAtEnd, TreeMemory memoryAtEnd) {
        if (serverAtStart == null || lastServerSample == null) {
            return null;
        }
        Map<Long, Long> cpuAtStart = new HashMap<>();
        serverAtStart.processes().forEach(p -> cpuAtStart.put(p.pid(), p.cpuNanos()));
        List<ProcessUsage> processes = new ArrayList<>();
        long cpuNanos = 0; // the tree's, as cpuNanosBetween counts it: the processes' deltas added up
        for (ProcessSample p : lastServerSample.processes()) {
            long requests = requestsAtEnd.containsKey(p.pid())
                    ? requestsAtEnd.get(p.pid()) - requestsAtStart.getOrDefault(p.pid(), 0L)
                    : -1;
            long processCpuNanos = Math.max(0, p.cpuNanos() - cpuAtStart.getOrDefault(p.pid(), 0L));
            cpuNanos += processCpuNanos;
            processes.add(new ProcessUsage(p.pid(), p.command(), processCpuNanos / 1e9, p.rssBytes(), p.threads(), requests));
        }
        double cpuSeconds = cpuNanos / 1e9;
        return new ServerUsage(coresAllowed, cpuSeconds, cpuSeconds / seconds,
                cpuSeconds > 0 ? completed / cpuSeconds : Double.NaN, rssBytesMax, threadsMax, processes,
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
