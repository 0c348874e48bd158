package corelab.results;

import java.util.List;

/**
 * What the server's whole process tree (a cluster: primary and every worker) used in one
 * trial. {@code coresAllowed} is what it was restricted to; throughput per core divides by it.
 *
 * @param cpuSeconds           user + system CPU time of every process in the tree
 * @param requestsPerCpuSecond requests answered per second of server CPU: cost, not speed
 * @param rssBytesMax          the largest total resident memory seen in the trial
 * @param refusedConnections   connections the server closed at once in the trial because
 *                             {@code maxConnections} were open, its processes' counts added up;
 *                             -1 when no process reports one (a foreign command)
 * @param rssBytesAtEnd        the tree's resident memory at the trial's end: shared pages once per process
 * @param pssBytesAtEnd        its proportional set size at the same instant: each shared page divided between
 *                             the processes that share it, so a cluster's JVMs are not charged libjvm twice;
 *                             -1 where it cannot be read (no smaps_rollup, a fault run, files of schema 1)
 */
public record ServerUsage(int coresAllowed, double cpuSeconds, double cpuCoresUsed, double requestsPerCpuSecond,
                          long rssBytesMax, int threadsMax, long refusedConnections, List<ProcessUsage> processes,
                          long rssBytesAtEnd, long pssBytesAtEnd) {
    public ServerUsage {
        processes = List.copyOf(processes);
    }
}
