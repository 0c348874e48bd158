package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.testkit.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Foreign servers, started as {@code sh -c} commands and known only by their port. */
@Tag("slow")
class ServerProcessCommandTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String HOST = "127.0.0.1";
    /** {@code & wait}: sh stays as the root, with python as its child, and sh does not pass SIGTERM on. */
    static final String PYTHON_SERVER = "python3 -m http.server {port} --bind 127.0.0.1 & wait";

    private final List<ServerProcess> started = new ArrayList<>();
    private final List<Long> everyPid = new ArrayList<>();

    @AfterEach
    void leaveNothingBehind() {
        started.forEach(ServerProcess::close);
        Trees.killSurvivors(everyPid);
    }

    @Test
    void aForeignServerIsReadyWhenItsPortAcceptsAndCloseKillsShAndItsChild() throws Exception {
        ServerProcess server = start(PYTHON_SERVER, 0);
        String expanded = PYTHON_SERVER.replace("{port}", Integer.toString(server.address().getPort()));
        assertEquals(List.of("sh", "-c", expanded), server.command());
        assertEquals(expanded, server.description());
        assertEquals(200, Http.get(server.address(), "/").status());
        assertEquals(java.util.Map.of(), server.statsByProcess(), "a foreign server prints no corelab-stats");

        List<Long> tree = Trees.pids(server.handle());
        assertTrue(tree.size() >= 2, "sh and python: " + tree);
        server.close();
        Trees.assertNoneAlive(tree);
    }

    @Test
    void oneCoreRestrictsAForeignServerAndItsChildren() throws Exception {
        ServerProcess server = start(PYTHON_SERVER, 1);
        List<Long> tree = Trees.pids(server.handle());
        assertTrue(tree.size() >= 2, "sh and python: " + tree);
        for (long pid : tree) {
            assertEquals("0", Trees.cpusAllowed(pid).orElseThrow(), "CPUs allowed to " + pid);
        }
    }

    @Test
    void aCommandThatExitsAtOnceIsOneClearIoException() {
        IOException e = assertThrows(IOException.class,
                () -> start("echo 'no server here, port {port}' >&2; exit 3", 0));
        assertTrue(e.getMessage().contains("exited with code 3 before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("no server here"), e.getMessage());
    }

    @Test
    void aServerNotReadyInTimeIsStoppedTreeAndAll() throws Exception {
        // A sleep no other test runs, to find it afterwards: sh's orphans are nobody's descendants.
        String seconds = Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        IOException e = assertThrows(IOException.class,
                () -> ServerProcess.startCommand("sleep " + seconds + " & wait # never listens on {port}", HOST, 0,
                        Duration.ofSeconds(3)));
        assertTrue(e.getMessage().contains("did not accept a connection") && e.getMessage().contains("stopped it"),
                e.getMessage());
        List<Long> sleeps = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(seconds)).orElse(false))
                .map(ProcessHandle::pid).toList();
        everyPid.addAll(sleeps);
        assertEquals(List.of(), sleeps, "the sleep outlived its timed-out server");
    }

    @Test
    void aTemplateWithoutPortIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> start("python3 -m http.server 8000", 0));
    }

    private ServerProcess start(String template, int cores) throws IOException {
        ServerProcess server = ServerProcess.startCommand(template, HOST, cores, READY_TIMEOUT);
        started.add(server);
        everyPid.addAll(Trees.pids(server.handle()));
        return server;
    }
}
