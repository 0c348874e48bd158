package corelab.modes.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Processes and everything they started, listed at one moment, and the one way corelab
 * stops them: politely first, then for certain.
 *
 * <p>The listing comes before any signal: once a root is gone its orphans are reparented
 * and are nobody's descendants any more, so a later listing would miss exactly the ones
 * that must die (a {@code sh -c} root does not stop its children). {@link ProcessHandle}
 * checks a process's start time too, so a pid reused since the listing is never signalled.
 *
 * <p>Every way to stop ends the same: SIGKILL to every member still alive, then a wait of
 * up to {@link #KILL_WAIT} until none is, and an {@link IllegalStateException} naming the
 * survivors if any is left (only a process stuck in the kernel survives SIGKILL).
 */
public final class ProcessTree {
    /** How long processes get to vanish after SIGKILL, which they cannot refuse. */
    public static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /** How often a wait looks again: a member may be a grandchild, which no exit event reports at once. */
    private static final long POLL_MILLIS = 10;

    private final List<ProcessHandle> roots;
    private final Set<ProcessHandle> members = new LinkedHashSet<>(); // the roots first; guarded by itself

    private ProcessTree(List<ProcessHandle> roots) {
        this.roots = List.copyOf(roots);
        for (ProcessHandle root : this.roots) {
            members.add(root);
            root.descendants().forEach(members::add);
        }
    }

    /** {@code root} and its descendants, as they are now. */
    public static ProcessTree of(ProcessHandle root) {
        return new ProcessTree(List.of(root));
    }

    /** Each of {@code roots} and its descendants, as they are now. */
    public static ProcessTree of(Collection<ProcessHandle> roots) {
        return new ProcessTree(List.copyOf(roots));
    }

    /**
     * Stops a child and its tree: SIGTERM to the root (which also closes this JVM's ends of
     * its pipes, its stdin lifeline among them), then {@link #killAfterRoots}.
     */
    public static void stop(Process root, Duration grace) {
        ProcessTree tree = of(root.toHandle());
        root.destroy();
        try {
            tree.killAfterRoots(grace);
        } finally {
            try {
                root.getOutputStream().close(); // the stdin lifeline, no longer needed
            } catch (IOException ignored) {
                // the root is gone; nothing to release
            }
        }
    }

    /**
     * For roots that were asked to stop and stop what they started: up to {@code grace} for
     * the roots to exit (an interrupt ends the patience, and is kept), then SIGKILL to every
     * member still alive, descendants a live root started since the listing included, and a
     * wait until none is. Once a root is gone nobody stops what is left of its tree, so
     * that is not waited for.
     *
     * @throws IllegalStateException if a process survives SIGKILL
     */
    public void killAfterRoots(Duration grace) {
        try {
            awaitExit(roots, grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // no more patience: straight to SIGKILL
        }
        killSurvivors();
    }

    /**
     * For trees that leave by themselves, as a killed cluster primary's workers do by their
     * stdin lifeline: up to {@code grace} for every member to exit, then SIGKILL to the rest,
     * as systemd's {@code KillMode=control-group} would, and a wait until none is.
     *
     * @throws IllegalStateException if a process survives SIGKILL
     * @throws InterruptedException if interrupted: at once during the grace, before any
     *         SIGKILL; after it, once the killed are gone
     */
    public void awaitGone(Duration grace) throws InterruptedException {
        awaitExit(members(), grace);
        killSurvivors();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for " + this + " to vanish");
        }
    }

    /**
     * SIGKILL to every member still alive {@code delay} from now, on a timer thread; returns
     * at once. For a process that was asked to stop and may hang.
     */
    public void killAfter(Duration delay) {
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(this::killAlive);
    }

    /** SIGKILL to every member still alive, and an uninterruptible wait of up to {@link #KILL_WAIT}. */
    private void killSurvivors() {
        killAlive();
        boolean interrupted = false;
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        List<ProcessHandle> survivors = alive(members());
        while (!survivors.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true; // bounded, and SIGKILL cannot be refused: finish the wait
            }
            survivors = alive(survivors);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("processes " + survivors.stream().map(ProcessHandle::pid).toList()
                    + " are still alive " + KILL_WAIT.toSeconds() + " s after SIGKILL");
        }
    }

    private void killAlive() {
        synchronized (members) {
            for (ProcessHandle root : roots) {
                if (root.isAlive()) {
                    root.descendants().forEach(members::add); // started since the listing
                }
            }
        }
        members().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Up to {@code timeout} for every one of {@code processes} to exit. */
    private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> waiting = alive(processes);
        while (!waiting.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(POLL_MILLIS);
            waiting = alive(waiting);
        }
    }

    private static List<ProcessHandle> alive(Collection<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private List<ProcessHandle> members() {
        synchronized (members) {
            return List.copyOf(members);
        }
    }

    @Override
    public String toString() {
        return "processes " + members().stream().map(ProcessHandle::pid).toList();
    }
}
