package corelab.results;

/**
 * One process of the server's tree over a trial. {@code requests} is what it reported
 * handling in the trial (a cluster worker's share), or -1 when it reports nothing;
 * {@code refusedConnections} the connections it closed at once because {@code maxConnections}
 * were open, or -1 when it reports nothing.
 */
public record ProcessUsage(long pid, String command, double cpuSeconds, long rssBytes, int threads, long requests,
                           long refusedConnections) {
}
