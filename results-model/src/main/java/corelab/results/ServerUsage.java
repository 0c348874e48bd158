package corelab.results;

import java.util.List;

/**
 * What the server's whole process tree (a cluster: primary and every worker) used in one
 * trial. {@code coresAllowed} is what it was restricted to; throughput per core divides by it.
 *
 * @param cpuSeconds           user + system CPU time of every process in the tree
 * @param requestsPerCpuSecond requests answered per second of server CPU: cost, not speed
 * @param rssBytesMax          the largest total resident memory seen in the trial
 */
public record ServerUsage(int coresAllowed, double cpuSeconds, double cpuCoresUsed, double requestsPerCpuSecond,
                          long rssBytesMax, int threadsMax, List<ProcessUsage> processes) {
    public ServerUsage {
        processes = List.copyOf(processes);
    }
}
