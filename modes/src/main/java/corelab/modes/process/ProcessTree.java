package corelab.modes.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started: politely first, then for certain. */
public final class ProcessTree {
    /** How long processes get to vanish after SIGKILL, which they cannot refuse. */
    public static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ProcessTree() {
    }

    /**
     * SIGTERM to the root, up to {@code grace} for it to exit, then SIGKILL to every process
     * of the tree still alive, and a wait until none is. The descendants are listed before
     * any signal: once the root is gone its orphans are reparented and are nobody's
     * descendants any more, so a later listing would miss exactly the ones that must die
     * (a {@code sh -c} root does not stop its children).
     *
     * @throws IllegalStateException if a process survives SIGKILL, which only a process stuck in the kernel does
     */
    public static void stop(Process root, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root.toHandle());
        root.descendants().forEach(tree::add);
        boolean interrupted = false;
        root.destroy();
        try {
            root.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true; // no more patience: go straight to SIGKILL
        }
        if (root.isAlive()) {
            root.descendants().forEach(tree::add); // started since the first listing
        }
        // ProcessHandle checks the start time too, so a pid reused since the listing is safe.
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        List<Long> survivors = new ArrayList<>();
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                if (process.isAlive()) {
                    survivors.add(process.pid());
                }
            } catch (ExecutionException | TimeoutException e) {
                if (process.isAlive()) {
                    survivors.add(process.pid());
                }
            }
        }
        try {
            root.getOutputStream().close(); // the stdin lifeline, no longer needed
        } catch (IOException ignored) {
            // the root is gone; nothing to release
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("processes " + survivors + " are still alive "
                    + KILL_WAIT.toSeconds() + " s after SIGKILL");
        }
    }
}
