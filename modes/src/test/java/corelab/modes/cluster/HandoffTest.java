package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -Dbalance=rr} and {@code shared} as real process trees: the primary hands sockets to
 * its workers and stays out of the data path. What the kernel shows in {@code /proc} is the
 * evidence: who holds a connection's socket, and who spent the CPU.
 */
@Tag("slow")
class HandoffTest {
    private static final Pattern PID = Pattern.compile("pid=(\\d+) ");
    private static final String INFO = "GET /info HTTP/1.1\r\nHost: test\r\n\r\n";
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    @Test
    void underRrAWorkerAnswersAndOnlyTheWorkerHoldsTheConnectionsSocket() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("rr", 2)) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            long primaryPid = primary.process.pid();
            List<HttpConnection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    HttpConnection connection = HttpConnection.open(address);
                    connections.add(connection);
                    long answeredBy = pidIn(connection.exchange(INFO).body());
                    assertNotEquals(primaryPid, answeredBy, "the primary answered itself");
                    assertTrue(workers.containsValue(answeredBy), answeredBy + " is not a worker of " + workers);
                }
                for (HttpConnection connection : connections) {
                    long worker = pidIn(connection.exchange(INFO).body()); // still open, still the same worker's
                    String inode = serverSideSocket(address.getPort(), connection.localPort());
                    assertFalse(socketInodes(primaryPid).contains(inode),
                            "the primary still holds the socket of a connection it handed off");
                    assertTrue(socketInodes(worker).contains(inode), "the answering worker holds no socket " + inode);
                }
            } finally {
                for (HttpConnection connection : connections) {
                    connection.close();
                }
            }
        }
    }

    /**
     * The point of handing the socket over: with keep-alive clients the primary's CPU is paid
     * per connection, not per request, so over many requests it is a small share of the
     * workers'. Shares of CPU time from {@code /proc}, not durations, so a busy machine
     * cannot make it pass or fail.
     */
    @Test
    void underRrThePrimarySpendsASmallFractionOfTheWorkersCpu() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("rr", 2)) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            hello(address, 4, 200); // warm-up: the workers' JIT compiles the hot path
            long primaryBefore = cpuTicks(primary.process.pid());
            long workersBefore = workers.values().stream().mapToLong(HandoffTest::cpuTicks).sum();
            hello(address, 8, 1500);
            long primarySpent = cpuTicks(primary.process.pid()) - primaryBefore;
            long workersSpent = workers.values().stream().mapToLong(HandoffTest::cpuTicks).sum() - workersBefore;
            assertTrue(workersSpent > 0, "the workers spent no CPU on 12,000 requests");
            assertTrue(primarySpent * 10 < workersSpent, "the primary spent " + primarySpent
                    + " clock ticks, the workers " + workersSpent + ": not out of the data path");
        }
    }

    /**
     * A killed worker takes its own connections along and nobody else's; clients that
     * reconnect reach the survivor at once, and the replacement once it is ready.
     */
    @Test
    void underRrAKilledWorkerLosesOnlyItsConnectionsAndItsReplacementIsDealtNewOnes() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("rr", 2)) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            long victim = workers.get(1);
            Map<HttpConnection, Long> owner = new HashMap<>();
            try {
                for (int i = 0; i < 8; i++) {
                    HttpConnection connection = HttpConnection.open(address);
                    owner.put(connection, pidIn(connection.exchange(INFO).body()));
                }
                assertEquals(Set.of(workers.get(1), workers.get(2)), new HashSet<>(owner.values()),
                        "rr dealt to one worker only");
                ProcessHandle.of(victim).orElseThrow().destroyForcibly();
                assertTrue(ProcessGone.await(victim));
                for (Map.Entry<HttpConnection, Long> entry : owner.entrySet()) {
                    if (entry.getValue() == victim) {
                        assertThrows(IOException.class, () -> entry.getKey().exchange(INFO),
                                "a connection of the killed worker still answered");
                    } else {
                        assertEquals(entry.getValue(), pidIn(entry.getKey().exchange(INFO).body()),
                                "a survivor's connection broke or changed hands");
                    }
                }
            } finally {
                for (HttpConnection connection : owner.keySet()) {
                    connection.close();
                }
            }
            for (int i = 0; i < 10; i++) { // new connections, before the replacement is ready: the survivor's
                assertNotEquals(victim, pidIn(Http.get(address, "/info").body()));
            }
            long replacement = primary.workersOnline(1).get(1);
            Eventually.assertWithin(Eventually.PATIENCE,
                    () -> pidIn(Http.get(address, "/info").body()) == replacement,
                    () -> "no new connection reached the replacement " + replacement);
        }
    }

    /** A blocking mode takes a handed connection into its accept path, as the event loop takes it into its queue. */
    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual"})
    void underRrABlockingWorkerModeServesHandedConnections(String workerMode) throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("rr", 2, "workerMode=" + workerMode)) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            Set<Long> answeredBy = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                try (HttpConnection connection = HttpConnection.open(address)) {
                    for (int r = 0; r < 3; r++) { // keep-alive on the adopted connection
                        answeredBy.add(pidIn(connection.exchange(INFO).body()));
                    }
                }
            }
            assertEquals(new HashSet<>(workers.values()), answeredBy, "rr reached every " + workerMode + " worker");
        }
    }

    /** Every worker accepts from the one socket: over many connections each serves some. */
    @Test
    void underSharedEveryWorkerAcceptsFromTheOneListeningSocket() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("shared", 2, "workerMode=platform")) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            Set<Long> answeredBy = new HashSet<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Set<Long>>> done = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    done.add(clients.submit(() -> {
                        Set<Long> seen = new HashSet<>();
                        for (int i = 0; i < 40; i++) {
                            seen.add(pidIn(Http.get(address, "/info").body()));
                        }
                        return seen;
                    }));
                }
                for (Future<Set<Long>> future : done) {
                    answeredBy.addAll(future.get());
                }
            }
            assertEquals(new HashSet<>(workers.values()), answeredBy, "320 connections did not reach every worker");
            long primaryPid = primary.process.pid();
            assertFalse(answeredBy.contains(primaryPid));
        }
    }

    private static void hello(InetSocketAddress address, int clients, int requestsEach) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    try (HttpConnection connection = HttpConnection.open(address)) {
                        for (int i = 0; i < requestsEach; i++) {
                            assertEquals(200, connection.exchange(HELLO).status());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private static long pidIn(String info) {
        Matcher matcher = PID.matcher(info + " ");
        assertTrue(matcher.find(), "no pid in " + info);
        return Long.parseLong(matcher.group(1));
    }

    /** utime + stime of a process, in clock ticks ({@code /proc/<pid>/stat} fields 14 and 15). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields from the state on
        } catch (IOException e) {
            throw new AssertionError("cannot read the CPU time of " + pid, e);
        }
    }

    /** The inodes of the sockets a process holds open ({@code socket:[inode]} in {@code /proc/<pid>/fd}). */
    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while we listed
                }
            }
        }
        return inodes;
    }

    /** The inode of the server's end of the loopback connection from {@code clientPort}, from {@code /proc/net/tcp}. */
    private static String serverSideSocket(int serverPort, int clientPort) throws IOException {
        String local = String.format(":%04X", serverPort);
        String remote = String.format(":%04X", clientPort);
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && fields[1].endsWith(local) && fields[2].endsWith(remote)) {
                return fields[9];
            }
        }
        throw new AssertionError("no server-side socket for the connection from port " + clientPort);
    }
}
