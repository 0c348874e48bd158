package corelab.modes.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.cluster.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real processes: each way to stop a tree leaves none of it behind. */
class ProcessTreeTest {
    /** A root that does not stop its children: {@code sh} neither forwards SIGTERM nor waits for a background job. */
    private static final List<String> ROOT_AND_TWO_CHILDREN = List.of("/bin/sh", "-c", "sleep 300 & sleep 301");

    private final List<Process> started = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();

    @AfterEach
    void leaveNothingBehind() {
        started.forEach(Process::destroyForcibly);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void stopKillsWhatTheRootLeavesBehind() throws Exception {
        Process root = start(ROOT_AND_TWO_CHILDREN);
        List<Long> tree = treeOf(root, 2);
        ProcessTree.stop(root, Duration.ofSeconds(Processes.WAIT_SECONDS));
        assertEquals(128 + 15, root.waitFor()); // SIGTERM
        assertAllGone(tree);
    }

    @Test
    void awaitGoneKillsWhatDidNotLeaveWithinTheGrace() throws Exception {
        Process root = start(ROOT_AND_TWO_CHILDREN);
        List<Long> tree = treeOf(root, 2);
        ProcessTree listed = ProcessTree.of(root.toHandle());
        root.destroyForcibly(); // the orphans do not leave by themselves
        listed.awaitGone(Duration.ZERO);
        assertAllGone(tree);
    }

    @Test
    void killAfterKillsWhatStillRunsLater() throws Exception {
        Process sleeper = start(List.of("/bin/sleep", "300"));
        ProcessTree.of(sleeper.toHandle()).killAfter(Duration.ofMillis(1));
        assertTrue(sleeper.waitFor(Processes.WAIT_SECONDS, TimeUnit.SECONDS), "sleep outlived killAfter");
        assertEquals(128 + 9, sleeper.exitValue()); // SIGKILL
    }

    @Test
    void severalRootsStopTogether() throws Exception {
        Process first = start(List.of("/bin/sleep", "300"));
        Process second = start(List.of("/bin/sleep", "301"));
        ProcessTree both = ProcessTree.of(List.of(first.toHandle(), second.toHandle()));
        first.toHandle().destroy();
        second.toHandle().destroy();
        both.killAfterRoots(Duration.ofSeconds(Processes.WAIT_SECONDS));
        assertEquals(128 + 15, first.waitFor());
        assertEquals(128 + 15, second.waitFor());
    }

    private Process start(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    /** The root and its children, once all {@code children} have appeared. */
    private List<Long> treeOf(Process root, int children) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Processes.WAIT_SECONDS);
        while (root.children().count() < children && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> tree = new ArrayList<>(List.of(root.pid()));
        root.children().forEach(child -> tree.add(child.pid()));
        assertEquals(1 + children, tree.size(), "the root's children never appeared");
        pids.addAll(tree);
        return tree;
    }

    private static void assertAllGone(List<Long> tree) throws InterruptedException {
        for (long pid : tree) {
            assertTrue(Processes.awaitGoneOrZombie(pid), "process " + pid + " outlived its tree's stop");
        }
    }
}
