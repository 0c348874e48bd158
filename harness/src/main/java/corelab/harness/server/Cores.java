package corelab.harness.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a server is limited to K cores: by CPU affinity, set with {@code taskset} before the
 * server's first instruction and inherited by every process it forks (a cluster's workers).
 *
 * <p>Why not {@code -XX:ActiveProcessorCount=K}? That flag only changes what the JVM tells
 * itself ({@code availableProcessors()}, GC and pool sizes); the kernel still schedules its
 * threads on every CPU, so a "1-core" server would quietly use both. Affinity is what the
 * kernel enforces, and a JVM started under it sizes itself from it anyway.
 */
public final class Cores {
    private static final String TASKSET = "taskset";

    private Cores() {
    }

    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The command prefix that restricts a child to the first {@code cores} CPUs:
     * {@code taskset -c 0-(cores-1)}; empty for 0, which means no restriction.
     */
    public static List<String> commandPrefix(int cores) {
        int available = available();
        if (cores < 0 || cores > available) {
            throw new IllegalArgumentException("cores must be between 0 (no restriction) and " + available
                    + " (the processors this machine gives corelab), was " + cores);
        }
        if (cores == 0) {
            return List.of();
        }
        if (!tasksetInstalled()) {
            throw new IllegalStateException("cores=" + cores + " needs '" + TASKSET + "' (from util-linux, Linux only)"
                    + " to restrict the server to " + cores + " CPU(s), and it is not on the PATH;"
                    + " install util-linux or use cores=0");
        }
        return List.of(TASKSET, "-c", "0-" + (cores - 1));
    }

    /** Whether {@code taskset} (util-linux) is on the PATH: every restriction of a child's CPUs needs it. */
    public static boolean tasksetInstalled() {
        return onPath(TASKSET);
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
