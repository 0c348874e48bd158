package corelab.harness.measure;

import corelab.harness.server.ProcessSample;
import corelab.harness.server.ProcessTreeSampler;
import corelab.harness.server.TreeMemory;
import corelab.results.ProcessUsage;
import corelab.results.ResourceBucket;
import corelab.results.ResourceUse;
import corelab.results.TrialResult;
import java.util.HashMap;
import java.util.Map;

/**
 * One trial's CPU and memory in three buckets ({@link ResourceUse}), read from outside like the rest: the server's
 * tree, its downstream services and the generator. Started with the trial, finished once the trial is recorded:
 * the server's CPU per process comes from the trial itself ({@link TrialResult#server}), so the server bucket is
 * exactly what its {@code requestsPerCpuSecond} divides by, less a downstream service the server started in its
 * own tree (Redis); the io backend, a process of its own, is sampled here at both ends, {@link #stop} right
 * after the last recorded second, since the load goes on while the trial is closed and its memory read.
 */
public final class ResourceMeter {
    private final ServerUnderTest server;
    private final ProcessHandle backend;  // null: the server calls none of its own
    private final long backendCpuNanosAtStart;
    private final long startNanos;
    private long backendCpuNanosAtEnd = -1;
    private long stopNanos;
    private boolean stopped;

    private ResourceMeter(ServerUnderTest server) {
        this.server = server;
        this.backend = server.downstream();
        this.backendCpuNanosAtStart = backendCpuNanos();
        this.startNanos = System.nanoTime();
    }

    /** Right before the trial's first recorded second. */
    public static ResourceMeter start(ServerUnderTest server) {
        return new ResourceMeter(server);
    }

    /** Right after the trial's last recorded second, as the server's tree is sampled then. */
    public void stop() {
        backendCpuNanosAtEnd = backendCpuNanos();
        stopNanos = System.nanoTime();
        stopped = true;
    }

    /** The trial's buckets, its memory read now (at its end); CPU up to {@link #stop} (now if never stopped). */
    public ResourceUse finish(TrialResult trial) {
        if (!stopped) {
            stop();
        }
        Map<String, String> missing = new HashMap<>();
        ResourceBucket serverBucket = null;
        ResourceBucket downstream = null;
        ProcessHandle root = server.handle();
        if (trial.server() == null || root == null) {
            String why = "corelab did not start the server (" + server.description() + "): its processes are out of"
                    + " sight";
            missing.put(ResourceUse.SERVER, why);
            missing.put(ResourceUse.DOWNSTREAM, why);
        } else {
            double serverCpu = 0;
            double inTreeCpu = 0;
            boolean inTree = false;
            for (ProcessUsage process : trial.server().processes()) {
                if (ProcessSample.downstreamService(process.command())) {
                    inTree = true;
                    inTreeCpu += process.cpuSeconds();
                } else {
                    serverCpu += process.cpuSeconds();
                }
            }
            serverBucket = bucket(ResourceUse.SERVER, serverCpu, trial.completed(),
                    ProcessTreeSampler.memory(root, p -> !p.downstreamService()), missing);
            long backendCpu = backendCpuNanosAtEnd;
            if (backend == null && !inTree) {
                missing.put(ResourceUse.DOWNSTREAM, "this server calls no downstream service: the io backend runs"
                        + " for the io and mixed workloads, Redis for counter=redis");
            } else if (backend != null && (backendCpuNanosAtStart < 0 || backendCpu < 0)) {
                missing.put(ResourceUse.DOWNSTREAM, "the io backend's CPU time could not be read (it exited, or"
                        + " there is no /proc)");
            } else {
                TreeMemory memory = inTree ? ProcessTreeSampler.memory(root, ProcessSample::downstreamService)
                        : new TreeMemory(0, 0);
                if (backend != null) {
                    memory = plus(memory, ProcessTreeSampler.memory(backend));
                }
                // read at its own instants around the trial: its rate between them, over the trial's seconds of
                // load (as the server's tree, TrialRecorder)
                double readSeconds = (stopNanos - startNanos) / 1e9;
                double backendSeconds = backend == null ? 0 : Math.max(0, backendCpu - backendCpuNanosAtStart) / 1e9
                        * (readSeconds > 0 ? trial.seconds() / readSeconds : 1);
                downstream = bucket(ResourceUse.DOWNSTREAM, inTreeCpu + backendSeconds, trial.completed(), memory,
                        missing);
            }
        }
        ResourceBucket generator = ResourceBucket.of(trial.generator().cpuSeconds(), trial.completed(), null, null);
        missing.put(ResourceUse.GENERATOR + ResourceUse.MEMORY, trial.tool() != null
                ? trial.tool().tool() + "'s process has exited when its trial ends: its memory is not read"
                : "corelab's generator is threads of the harness JVM, whose memory holds the harness too: not told"
                        + " apart");
        return new ResourceUse(serverBucket, downstream, generator, missing);
    }

    private static ResourceBucket bucket(String name, double cpuSeconds, long requests, TreeMemory memory,
                                         Map<String, String> missing) {
        boolean known = memory.rssBytes() >= 0 && memory.pssBytes() >= 0;
        if (!known) {
            missing.put(name + ResourceUse.MEMORY, "/proc/<pid>/smaps_rollup could not be read (not Linux, Linux"
                    + " before 4.14, or a process exited meanwhile)");
        }
        return ResourceBucket.of(cpuSeconds, requests, known ? memory.rssBytes() : null,
                known ? memory.pssBytes() : null);
    }

    private static TreeMemory plus(TreeMemory a, TreeMemory b) {
        return new TreeMemory(a.rssBytes() < 0 || b.rssBytes() < 0 ? -1 : a.rssBytes() + b.rssBytes(),
                a.pssBytes() < 0 || b.pssBytes() < 0 ? -1 : a.pssBytes() + b.pssBytes());
    }

    private long backendCpuNanos() {
        return backend == null ? -1 : ProcessTreeSampler.sample(backend).totalCpuNanos();
    }
}
