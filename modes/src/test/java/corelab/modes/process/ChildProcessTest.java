package corelab.modes.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real processes: whatever way the program or its parent ends, nothing of the program is left. */
class ChildProcessTest {
    private static final long WAIT_SECONDS = Eventually.PATIENCE.toSeconds();
    /** A leader with a second process in its group, as nginx's master has its workers. */
    private static final List<String> LEADER_AND_MEMBER = List.of("/bin/sh", "-c", "sleep 300 & exec sleep 301");

    @Test
    void closeStopsTheProgramAndEveryProcessOfItsGroup() throws Exception {
        ChildProcess child = ChildProcess.start(LEADER_AND_MEMBER, Path.of("."), line -> { });
        List<Long> group = groupOf(child.pid());
        child.close();
        assertEquals(128 + 15, child.exited().get(WAIT_SECONDS, TimeUnit.SECONDS)); // SIGTERM, from the lifeline
        for (long pid : group) {
            assertTrue(ProcessGone.awaitOrZombie(pid), "process " + pid + " outlived close()");
        }
    }

    @Test
    void whenTheLeaderIsKilledTheRestOfItsGroupGoesToo() throws Exception {
        try (ChildProcess child = ChildProcess.start(LEADER_AND_MEMBER, Path.of("."), line -> { })) {
            List<Long> group = groupOf(child.pid());
            ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
            assertEquals(128 + 9, child.exited().get(WAIT_SECONDS, TimeUnit.SECONDS));
            for (long pid : group) {
                assertTrue(ProcessGone.awaitOrZombie(pid), "process " + pid + " outlived its killed leader");
            }
        }
    }

    @Test
    void whenTheParentJvmIsKilledTheProgramGoesToo() throws Exception {
        Process holder = new ProcessBuilder(JvmCommand.forMain(ChildProcessHolder.class, List.of(), List.of()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("pid ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the holder did not start its child");
            long pid = Long.parseLong(line.substring("pid ".length()));
            List<Long> group = groupOf(pid);
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            for (long member : group) {
                assertTrue(ProcessGone.awaitOrZombie(member), "process " + member + " outlived its parent JVM");
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void itsOutputArrivesLineByLineAndItsStatusAtExit() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ChildProcess child = ChildProcess.start(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 7"),
                Path.of("."), lines::add)) {
            assertEquals(7, child.exited().get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        Eventually.within(Eventually.PATIENCE, () -> lines.size() >= 2);
        assertTrue(lines.containsAll(List.of("out", "err")), "output seen: " + lines);
    }

    @Test
    void findLooksInThePathAndTheSystemDirectories() {
        assertTrue(ChildProcess.find("sh").isPresent());
        assertFalse(ChildProcess.find("corelab-no-such-program").isPresent());
    }

    /** The leader and its children, read while the leader runs. */
    private static List<Long> groupOf(long leader) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(leader).orElseThrow();
        Eventually.within(Eventually.PATIENCE, () -> handle.children().findAny().isPresent());
        List<Long> group = new ArrayList<>();
        group.add(leader);
        handle.children().forEach(child -> group.add(child.pid()));
        assertEquals(2, group.size(), "the leader's child never appeared");
        return group;
    }
}
