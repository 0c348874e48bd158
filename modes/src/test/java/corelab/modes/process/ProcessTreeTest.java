package corelab.modes.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real processes: each way to stop a tree leaves none of it behind. Each returns only once
 * the tree is gone, so the checks after it look once, without waiting.
 */
class ProcessTreeTest {
    /** Only an upper bound: a process that was asked to stop, and does, takes far less. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * A root that does not stop its children ({@code sh} does not pass SIGTERM on), and says
     * when both have been started.
     */
    private static final List<String> ROOT_AND_TWO_CHILDREN =
            List.of("/bin/sh", "-c", "sleep 300 & sleep 301 & echo started; wait");

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
        List<Long> tree = treeOf(root);
        ProcessTree.stop(root, PATIENCE);
        assertEquals(128 + 15, root.waitFor()); // SIGTERM
        assertNoneAlive(tree);
    }

    @Test
    void awaitGoneKillsWhatDidNotLeaveWithinTheGrace() throws Exception {
        Process root = start(ROOT_AND_TWO_CHILDREN);
        List<Long> tree = treeOf(root);
        ProcessTree listed = ProcessTree.of(root.toHandle());
        root.destroyForcibly(); // the orphans do not leave by themselves
        listed.awaitGone(Duration.ZERO);
        assertNoneAlive(tree);
    }

    @Test
    void killAfterKillsWhatStillRunsLater() throws Exception {
        Process sleeper = start(List.of("/bin/sleep", "300"));
        ProcessTree.of(sleeper.toHandle()).killAfter(Duration.ofMillis(1));
        assertTrue(sleeper.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "sleep outlived killAfter");
        assertEquals(128 + 9, sleeper.exitValue()); // SIGKILL
    }

    @Test
    void severalRootsStopTogether() throws Exception {
        Process first = start(List.of("/bin/sleep", "300"));
        Process second = start(List.of("/bin/sleep", "301"));
        ProcessTree both = ProcessTree.of(List.of(first.toHandle(), second.toHandle()));
        first.toHandle().destroy();
        second.toHandle().destroy();
        both.killAfterRoots(PATIENCE);
        assertEquals(128 + 15, first.waitFor());
        assertEquals(128 + 15, second.waitFor());
    }

    private Process start(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    /** The root and its two children, read once it said both run. */
    private List<Long> treeOf(Process root) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", output.readLine());
        List<Long> tree = new ArrayList<>(List.of(root.pid()));
        root.children().forEach(child -> tree.add(child.pid()));
        assertEquals(3, tree.size(), "the root and its two children: " + tree);
        pids.addAll(tree);
        return tree;
    }

    private static void assertNoneAlive(List<Long> tree) {
        List<Long> alive = tree.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .toList();
        assertEquals(List.of(), alive, "alive after their tree was stopped, of " + tree);
    }
}
