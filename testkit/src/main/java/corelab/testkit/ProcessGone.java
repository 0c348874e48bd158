package corelab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** The check every process test ends with: the processes it started have exited. */
public final class ProcessGone {
    private ProcessGone() {
    }

    /** Right now, {@code pid} runs (a zombie included: exited, but not yet reaped). */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** True once {@code pid} has exited; false if it still runs after {@link Eventually#PATIENCE}. */
    public static boolean await(long pid) throws InterruptedException {
        return Eventually.within(Eventually.PATIENCE, () -> !alive(pid));
    }

    /**
     * Like {@link #await}, but a zombie counts as gone: a killed process whose parent died
     * is adopted by pid 1, and where pid 1 does not reap (some containers) it stays a zombie:
     * dead, holding nothing, yet still "alive" to {@link ProcessHandle}.
     */
    public static boolean awaitOrZombie(long pid) throws InterruptedException {
        return Eventually.within(Eventually.PATIENCE, () -> !alive(pid) || zombie(pid));
    }

    /** Fails, naming the survivors, unless every one of {@code pids} exits within {@link Eventually#PATIENCE}. */
    public static void assertAllExit(Collection<Long> pids) throws InterruptedException {
        Eventually.within(Eventually.PATIENCE, () -> pids.stream().noneMatch(ProcessGone::alive));
        List<Long> alive = pids.stream().filter(ProcessGone::alive).toList();
        if (!alive.isEmpty()) {
            fail("processes left alive after " + Eventually.PATIENCE.toSeconds() + " s: " + alive + ", of " + pids);
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // no such process any more
        }
    }
}
