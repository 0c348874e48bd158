package corelab.harness.execute;

import corelab.harness.measure.ServerUnderTest;
import corelab.harness.server.ProcessTreeSampler;
import corelab.results.TrialResult;
import java.util.List;

/**
 * The run's other servers while one is measured: kept running so that none starts cold, they sit idle,
 * but a JVM that idles still compiles, collects and ticks. What they use during a trial is taken from the
 * measured server on a shared machine, so it is measured and saved with the trial, not assumed to be zero.
 */
final class OtherServers {
    private final List<ServerUnderTest> servers;
    private final long cpuNanosAtStart;
    private final long startNanos;

    private OtherServers(List<ServerUnderTest> servers) {
        this.servers = List.copyOf(servers);
        this.startNanos = System.nanoTime();
        this.cpuNanosAtStart = cpuNanos();
    }

    static OtherServers start(List<ServerUnderTest> servers) {
        return new OtherServers(servers);
    }

    /** Their CPU since {@link #start}, in cores; NaN when there are none or any of them cannot be seen. */
    double coresSinceStart() {
        long now = cpuNanos();
        double wallNanos = System.nanoTime() - startNanos;
        if (servers.isEmpty() || cpuNanosAtStart < 0 || now < 0 || wallNanos <= 0) {
            return Double.NaN;
        }
        return (now - cpuNanosAtStart) / wallNanos;
    }

    /** Why {@link #coresSinceStart} gave NaN (a {@link TrialResult} constant); null when it gave a figure. */
    String whyUnknown(double cores) {
        return !Double.isNaN(cores) ? null : servers.isEmpty() ? TrialResult.NO_OTHER_SERVERS : TrialResult.NOT_VISIBLE;
    }

    /** The sum over every tree, or -1 when one is out of sight (a target, no /proc). */
    private long cpuNanos() {
        if (!ProcessTreeSampler.available()) {
            return -1;
        }
        long sum = 0;
        for (ServerUnderTest server : servers) {
            ProcessHandle handle = server.handle();
            if (handle == null) {
                return -1;
            }
            long cpu = ProcessTreeSampler.sample(handle).totalCpuNanos();
            if (cpu < 0) {
                return -1;
            }
            sum += cpu;
        }
        return sum;
    }
}
