package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.testkit.ProcessGone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Process-tree checks shared by the server tests; whether processes exited in time is {@link ProcessGone}'s. */
final class Trees {
    private Trees() {
    }

    /** The root's pid, then its descendants'. */
    static List<Long> pids(ProcessHandle root) {
        List<Long> pids = new ArrayList<>();
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Right now, none of {@code pids} is alive: what close() promises on return. */
    static void assertNoneAlive(List<Long> pids) {
        List<Long> alive = pids.stream().filter(ProcessGone::alive).toList();
        assertEquals(List.of(), alive, "processes left alive, of " + pids);
    }

    /** Kills whatever of {@code pids} is still alive, so a failed test leaves nothing behind. */
    static void killSurvivors(List<Long> pids) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** {@code Cpus_allowed_list} of the process: the CPUs the kernel may run it on. */
    static Optional<String> cpusAllowed(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return Optional.of(line.substring("Cpus_allowed_list:".length()).strip());
            }
        }
        return Optional.empty();
    }
}
