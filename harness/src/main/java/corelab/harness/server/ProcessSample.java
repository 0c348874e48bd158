package corelab.harness.server;

import corelab.modes.counter.RedisServer;
import java.nio.file.Path;
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

    /**
     * Whether this process is a service the server calls rather than the server itself: a redis-server that a
     * server started for {@code counter=redis} lives in its tree, but its CPU and memory are the downstream's.
     */
    public boolean downstreamService() {
        return downstreamService(command);
    }

    /** As {@link #downstreamService()}, from a process's short command ({@link ProcessSample#command}). */
    public static boolean downstreamService(String command) {
        int space = command.indexOf(' ');
        String executable = Path.of(space < 0 ? command : command.substring(0, space)).getFileName().toString();
        return executable.equals(RedisServer.PROGRAM);
    }
}
