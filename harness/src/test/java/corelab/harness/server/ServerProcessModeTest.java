package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerMain;
import corelab.modes.options.ServerOptions;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.StatsLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** corelab modes as real process trees: ready, serving, counted, and gone after close(). */
@Tag("slow")
class ServerProcessModeTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<ServerProcess> started = new ArrayList<>();
    private final List<Long> everyPid = new ArrayList<>();

    @AfterEach
    void leaveNothingBehind() {
        started.forEach(ServerProcess::close);
        Trees.killSurvivors(everyPid);
    }

    @Test
    void singleModeServesAndCountsItsRequests() throws Exception {
        ServerProcess server = start(options("mode", "single"), 0);
        long pid = server.handle().pid();
        assertEquals("mode=single pid=" + pid, server.description());
        assertTrue(server.command().contains(ServerMain.class.getName()), server.command().toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Http.get(server.address(), "/hello").status());
        }
        Map<Long, Long> counts = awaitCounts(server, c -> c.getOrDefault(pid, 0L) >= 5);
        assertEquals(Set.of(pid), counts.keySet(), "an in-process server counts in its own process");
        List<String> output = server.recentOutput();
        assertTrue(output.stream().anyMatch(line -> ReadyLine.parse(line).filter(ready -> ready.mode().equals("single"))
                .isPresent()), output.toString());
        assertTrue(output.stream().noneMatch(line -> StatsLine.parse(ForwardedLine.original(line)).isPresent()),
                output.toString());

        List<Long> tree = Trees.pids(server.handle());
        server.close();
        Trees.assertNoneAlive(tree);
        assertFalse(server.isAlive());
        server.close(); // idempotent
    }

    @Test
    void clusterWorkersServeAndCountAndCloseStopsTheWholeTree() throws Exception {
        ServerProcess server = start(options("mode", "cluster", "workers", "2"), 0);
        long primary = server.handle().pid();
        assertEquals("mode=cluster pid=" + primary, server.description());
        // The primary prints its ready line only once every worker is ready.
        Set<Long> workers = new HashSet<>();
        server.handle().children().forEach(child -> workers.add(child.pid()));
        assertEquals(2, workers.size(), "workers: " + workers);

        Map<Long, Long> before = awaitCounts(server, c -> c.keySet().containsAll(workers));
        assertFalse(before.containsKey(primary), "the primary serves nothing: " + before);
        int requests = 20;
        for (int i = 0; i < requests; i++) {
            assertEquals(200, Http.get(server.address(), "/hello").status());
        }
        long servedBefore = sum(before, workers);
        awaitCounts(server, c -> sum(c, workers) >= servedBefore + requests);

        List<Long> tree = Trees.pids(server.handle());
        assertEquals(3, tree.size(), "primary and two workers: " + tree);
        server.close();
        Trees.assertNoneAlive(tree);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "cluster"})
    void aBusyPortIsOneClearIoException(String mode) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerOptions options = options("mode", mode, "workers", "2", "port", Integer.toString(taken.getLocalPort()));
            IOException e = assertThrows(IOException.class, () -> start(options, 0));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("exited with code " + ServerMain.EXIT_CANNOT_START), e.getMessage());
        }
    }

    @Test
    void aJvmThatCannotStartIsOneClearIoException() {
        IOException e = assertThrows(IOException.class, () -> ServerProcess.startMode(options("mode", "single"), 0,
                List.of("-XX:+NoSuchCorelabFlag"), READY_TIMEOUT));
        assertTrue(e.getMessage().contains("before it was ready") && e.getMessage().contains("NoSuchCorelabFlag"),
                e.getMessage());
    }

    /**
     * -DserverJvmFlags reach every JVM of a cluster, not only the primary the harness launches: each worker's
     * command line carries the flag among its JVM options, before the main class (not as a program argument).
     */
    @Test
    void theServersJvmFlagsReachEveryWorkerOfACluster() throws Exception {
        String flag = "-Xmx97m";
        ServerProcess server = ServerProcess.startMode(options("mode", "cluster", "workers", "2"), 0, List.of(flag),
                READY_TIMEOUT);
        started.add(server);
        List<Long> tree = Trees.pids(server.handle());
        everyPid.addAll(tree);
        assertEquals(3, tree.size(), "primary and two workers: " + tree);
        for (long pid : tree) {
            List<String> argv = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
            int main = argv.indexOf(ServerMain.class.getName());
            assertTrue(main > 0 && argv.subList(0, main).contains(flag), pid + ": " + argv);
        }
        assertEquals(200, Http.get(server.address(), "/hello").status());
    }

    @Test
    void oneCoreRestrictsTheAffinityOfEveryProcessOfTheTree() throws Exception {
        ServerProcess server = start(options("mode", "cluster", "workers", "2"), 1);
        assertEquals(List.of("taskset", "-c", "0-0"), server.command().subList(0, 3));
        List<Long> tree = Trees.pids(server.handle());
        assertEquals(3, tree.size(), "primary and two workers: " + tree);
        for (long pid : tree) {
            assertEquals("0", Trees.cpusAllowed(pid).orElseThrow(), "CPUs allowed to " + pid);
        }
        assertEquals(200, Http.get(server.address(), "/hello").status());
    }

    @Test
    void aTooLargeCoreCountIsRejectedBeforeAnythingStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(options("mode", "single"), Cores.available() + 1));
        assertTrue(e.getMessage().contains("cores"), e.getMessage());
    }

    private ServerProcess start(ServerOptions options, int cores) throws IOException {
        ServerProcess server = ServerProcess.startMode(options, cores, List.of(), READY_TIMEOUT);
        started.add(server);
        everyPid.addAll(Trees.pids(server.handle()));
        return server;
    }

    /** Port 0 (a free one) unless given: the default, 8080, may be taken on a test machine. */
    private static ServerOptions options(String... namesAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("port", "0");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ServerOptions.parse(given);
    }

    /**
     * More clients than {@code maxConnections}, each kept open: those beyond the cap are closed
     * at once, and the stats lines count exactly the ones the clients saw refused. A single
     * process with a cap of 2 refuses exactly the other 3; a cluster's workers each have the
     * cap, the kernel picks which worker gets which connection, and the refusals its processes
     * report add up to what the clients saw.
     */
    @ParameterizedTest
    @ValueSource(strings = {"single", "platform", "cluster"})
    void connectionsRefusedBeyondTheCapAreCountedOnTheStatsLines(String mode) throws Exception {
        int cap = mode.equals("cluster") ? 1 : 2;
        int clients = 5;
        ServerProcess server = start(options("mode", mode, "workers", "2", "threads", Integer.toString(cap),
                "maxConnections", Integer.toString(cap), "statsIntervalMillis", "100"), 0);
        List<HttpConnection> open = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < clients; i++) {
                HttpConnection client = HttpConnection.open(server.address());
                open.add(client);
                // Answered: accepted and counted open before the next client comes. Closed: refused.
                try {
                    assertEquals(200, client.exchange("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n").status());
                } catch (IOException closed) {
                    refused++;
                }
            }
            if (!mode.equals("cluster")) {
                assertEquals(clients - cap, refused, "each client beyond the cap is refused");
            }
            assertTrue(refused >= clients - 2 * cap, "at most one client per worker is served: " + refused);
            int seen = refused;
            Eventually.assertWithin(Eventually.PATIENCE, () -> refusedOf(server.statsByProcess()) == seen,
                    () -> "the stats lines never counted " + seen + " refused connections: " + server.statsByProcess());
        } finally {
            for (HttpConnection client : open) {
                client.close();
            }
        }
    }

    private static long refusedOf(Map<Long, StatsLine> stats) {
        return stats.values().stream().mapToLong(StatsLine::refusedConnections).sum();
    }

    /** Waits until the request counts of the stats lines satisfy {@code done}; servers print them once a second. */
    private static Map<Long, Long> awaitCounts(ServerProcess server, Predicate<Map<Long, Long>> done)
            throws InterruptedException {
        AtomicReference<Map<Long, Long>> counts = new AtomicReference<>();
        Eventually.assertWithin(Eventually.PATIENCE, () -> done.test(counts.updateAndGet(seen -> requests(server))),
                () -> "counts never got there: " + server.statsByProcess() + "; output: " + server.recentOutput());
        return counts.get();
    }

    private static Map<Long, Long> requests(ServerProcess server) {
        Map<Long, Long> requests = new TreeMap<>();
        server.statsByProcess().forEach((pid, stats) -> requests.put(pid, stats.requests()));
        return requests;
    }

    private static long sum(Map<Long, Long> counts, Set<Long> pids) {
        return pids.stream().mapToLong(pid -> counts.getOrDefault(pid, 0L)).sum();
    }
}
