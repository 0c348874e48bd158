package corelab.harness.server;

import java.util.Objects;

/**
 * One process of a server's tree at one instant. A figure the platform cannot give
 * (no {@code /proc}) is -1, never a guess.
 *
 * @param command  short: the executable's name and the main class or first arguments, at most ~80 characters
 * @param cpuNanos user + system CPU time since the process started
 * @param rssBytes resident memory
 * @param threads  the process's threads, the JVM's own (GC, JIT) included
 */
public record ProcessSample(long pid, long parentPid, String command, long cpuNanos, long rssBytes, int threads) {
    public static final int UNAVAILABLE = -1;

    public ProcessSample {
        Objects.requireNonNull(command, "command");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        if (cpuNanos < UNAVAILABLE || rssBytes < UNAVAILABLE || threads < UNAVAILABLE) {
            throw new IllegalArgumentException("cpuNanos, rssBytes and threads are -1 (unavailable) or more: " + pid);
        }
    }
}
