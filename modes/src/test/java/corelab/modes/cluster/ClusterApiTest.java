package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import corelab.modes.ServerMain;
import corelab.modes.options.ServerOptions;
import corelab.modes.wire.StatsQuery;
import corelab.modes.wire.StatsReport;
import corelab.modes.wire.WorkerExitLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@link Cluster} API with real worker JVMs, the test JVM being the primary. */
@Tag("slow")
class ClusterApiTest {
    /** Short, so a crash loop is over in a second. */
    private static final RestartPolicy QUICK =
            new RestartPolicy(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30), 3);
    private static final ServerOptions WORKER = worker("single");

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<Long> everyPid = ConcurrentHashMap.newKeySet();
    private Cluster cluster;

    private static ServerOptions worker(String mode) {
        return ServerOptions.parse(Map.of("mode", mode, "port", "0", "backendDelayMillis", "1"));
    }

    private Cluster cluster(RestartPolicy policy) {
        return cluster(policy, WORKER);
    }

    private Cluster cluster(RestartPolicy policy, ServerOptions workerOptions) {
        cluster = new Cluster(ServerMain.class, workerOptions, policy, log::add);
        cluster.onOnline(worker -> {
            everyPid.add(worker.pid());
            events.add("online " + worker.id());
        });
        cluster.onListening((worker, address) -> events.add("listening " + worker.id() + " " + address.getPort()));
        cluster.onMessage((worker, text) -> events.add("message " + worker.id() + " " + text));
        cluster.onExit(exit -> events.add("exit " + exit.worker().id() + " " + exit.describe()
                + " afterDisconnect=" + exit.exitedAfterDisconnect()));
        cluster.onGiveUp(reason -> events.add("giveUp " + reason));
        return cluster;
    }

    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        assertFalse(everyPid.isEmpty());
        for (long pid : everyPid) {
            assertTrue(ProcessGone.await(pid), "worker " + pid + " outlived the test");
        }
    }

    @Test
    void everyEventFiresInOrderAndMessagesGoBothWays() throws Exception {
        Worker worker = cluster(QUICK).fork(Map.of("CORELAB_TEST_MARK", "forked"), List.of("-Xmx96m"));
        assertEquals("online 1", nextEvent());
        String listening = nextEvent();
        assertTrue(listening.startsWith("listening 1 "), listening);
        int port = worker.listening().get().getPort();
        assertEquals("listening 1 " + port, listening);
        assertEquals(List.of(worker), cluster.workers());
        assertTrue(ProcessHandle.of(worker.pid()).orElseThrow().info().arguments().map(List::of).orElse(List.of())
                .contains("-Xmx96m"), "the JVM flag reached the worker");
        assertTrue(Files.readString(Path.of("/proc/" + worker.pid() + "/environ"), StandardCharsets.ISO_8859_1)
                .contains("CORELAB_TEST_MARK=forked"), "the environment reached the worker");

        assertTrue(Http.get(new InetSocketAddress("127.0.0.1", port), "/hello").statusLine().startsWith("HTTP/1.1 200 "));
        worker.send(new StatsQuery()); // primary -> worker; the answer comes back worker -> primary
        assertEquals("message 1 " + new StatsReport(1, 0).format(), nextEvent());

        worker.kill();
        assertEquals("exit 1 code=143 signal=SIGTERM afterDisconnect=true", nextEvent());
        WorkerExit exit = worker.exited().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(exit.exitedAfterDisconnect() && worker.exitedAfterDisconnect() && worker.isDead());
        assertEquals(List.of(), cluster.workers(), "an exit asked for is not restarted");
    }

    @Test
    void aWorkerKilledFromOutsideIsRestartedUnderItsId() throws Exception {
        Worker first = cluster(QUICK).fork();
        first.listening().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        events.clear();
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        assertEquals("exit 1 code=137 signal=SIGKILL afterDisconnect=false", nextEvent());
        assertEquals("online 1", nextEvent());
        assertTrue(nextEvent().startsWith("listening 1 "));
        Worker second = cluster.workers().get(0);
        assertEquals(1, second.id());
        assertNotEquals(first.pid(), second.pid());
        WorkerExitLine restarting =
                new WorkerExitLine(1, first.pid(), 137, Optional.of("SIGKILL"), OptionalLong.of(20));
        assertTrue(exitLines().contains(restarting), log.toString());
    }

    @Test
    void aWorkerThatCrashesAtOnceIsRestartedWithGrowingDelaysUntilTheClusterGivesUp() throws Exception {
        // An unknown JVM option, through the environment: the JVM exits with code 1 before any corelab code runs.
        cluster(QUICK).fork(Map.of("JAVA_TOOL_OPTIONS", "-XX:+CorelabNoSuchOption"), List.of());
        for (int start = 0; start < 4; start++) {
            assertEquals("online 1", nextEvent());
            assertEquals("exit 1 code=1 afterDisconnect=false", nextEvent());
        }
        String giveUp = nextEvent();
        assertTrue(giveUp.startsWith("giveUp workers crashed 4 times in a row, each within 30 s of starting"), giveUp);
        assertTrue(giveUp.contains("giving up"), giveUp);
        assertEquals(List.of(), cluster.workers());

        List<Long> delays = new ArrayList<>();
        for (WorkerExitLine exit : exitLines()) {
            exit.restartDelayMillis().ifPresent(delays::add);
        }
        assertEquals(List.of(20L, 40L, 80L), delays, log.toString());
        assertEquals(4, everyPid.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "platform", "virtual", "offload"})
    void disconnectStopsAcceptingAndFinishesTheRequestInFlight(String workerMode) throws Exception {
        Worker worker = cluster(QUICK, worker(workerMode)).fork();
        InetSocketAddress address = worker.listening().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<Http.Response> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.get(address, "/io?token=7&delayMillis=1500");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(300); // not a timing assertion: only so that the request is surely in flight
        worker.disconnect();

        // It stops accepting at once: new connections are refused while the slow request still runs.
        assertTrue(awaitRefused(address), "the worker still accepts connections after disconnect");
        assertFalse(slow.isDone(), "the slow request ended before the listener closed");

        Http.Response response = slow.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(response.statusLine().startsWith("HTTP/1.1 200 "), response.toString());
        WorkerExit exit = worker.exited().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, exit.exitCode());
        assertNull(exit.signal());
        assertTrue(exit.exitedAfterDisconnect());
        assertEquals(List.of(), cluster.workers());
    }

    private static boolean awaitRefused(InetSocketAddress address) throws InterruptedException {
        return Eventually.within(Eventually.PATIENCE, () -> refused(address));
    }

    /** One connection attempt: true if refused; accepted or reset, the worker still listens. */
    private static boolean refused(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            OutputStream ignored = socket.getOutputStream(); // accepted: still listening; try again
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false; // a reset: try again
        }
    }

    /** The primary's {@code corelab-worker-exit} lines so far, in order. */
    private List<WorkerExitLine> exitLines() {
        return log.stream().flatMap(line -> WorkerExitLine.parse(line).stream()).toList();
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            fail("no cluster event for " + Eventually.PATIENCE.toSeconds() + " s; log: " + log);
        }
        return event;
    }
}
