package corelab.exercises.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import corelab.modes.cluster.RestartPolicy;
import corelab.modes.cluster.Worker;
import corelab.modes.http.ServerSocketConfig;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The primary with real worker JVMs, the test JVM being the primary. */
class PrimaryTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Set<Long> startedPids = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<String> gaveUp = new CompletableFuture<>();
    private Primary primary;

    /** Workers that serve corelab's {@code single} mode on {@code port}, which they share (SO_REUSEPORT). */
    private void start(int port) throws IOException {
        primary = new Primary(ServerOptions.parse(Map.of("mode", "single", "port", Integer.toString(port))), log::add);
        primary.cluster().onOnline(worker -> startedPids.add(worker.pid()));
        primary.cluster().onGiveUp(gaveUp::complete);
        primary.start();
    }

    @AfterEach
    void noWorkerLeftBehind() throws InterruptedException {
        if (primary != null) {
            primary.close();
        }
        for (long pid : startedPids) {
            assertTrue(ProcessGone.await(pid), "worker " + pid + " outlived the test");
        }
    }

    @Test
    void itForksOneWorkerPerCore() throws Exception {
        try (SharedPort port = SharedPort.reserve()) {
            start(port.number());
            assertEquals(CORES, primary.cluster().workers().size(), "workers on a machine of " + CORES + " cores");
            for (Worker worker : primary.cluster().workers()) {
                awaitListening(worker);
            }
        }
    }

    @Test
    void aKilledWorkerIsReplacedAndTheNewOneServes() throws Exception {
        try (SharedPort port = SharedPort.reserve()) {
            start(port.number());
            for (Worker worker : primary.cluster().workers()) {
                awaitListening(worker);
            }
            Set<Long> before = primary.cluster().workers().stream().map(Worker::pid).collect(Collectors.toSet());
            Worker victim = primary.cluster().workers().getFirst();
            // SIGKILL, as a crash: no one asked it to stop, so the cluster's restart policy applies.
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();

            Eventually.assertWithin(Eventually.PATIENCE, () -> gaveUp.isDone() || newWorker(before).isPresent(),
                    () -> "no worker replaced " + victim + "; log: " + log);
            assertFalse(gaveUp.isDone(), () -> "the primary gave up instead of restarting " + victim + ": "
                    + gaveUp.join());
            Worker replacement = newWorker(before).orElseThrow();
            awaitListening(replacement);
            // The kernel spreads new connections over the workers on the port: ask until the new one answers.
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port.number());
            Eventually.assertWithin(Eventually.PATIENCE,
                    () -> Http.get(address, "/info").body().contains("pid=" + replacement.pid() + " "),
                    () -> replacement + " never answered on port " + port.number());
        }
    }

    @Test
    void aWorkerThatCrashesAsItStartsIsRestartedAFewTimesThenThePrimaryGivesUp() throws Exception {
        // Another program holds the port, without SO_REUSEPORT: every worker fails to listen and exits at once.
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            start(taken.getLocalPort());
            String reason;
            try {
                reason = gaveUp.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("the cluster still restarts workers that crash at once, after " + startedPids.size() + " starts");
                return;
            }
            assertTrue(startedPids.size() >= CORES + 2, "workers started: " + startedPids.size() + " for " + CORES
                    + " cores; restart a crashed worker a few times (with a growing delay) before giving up; the"
                    + " cluster said: " + reason);
            String stopped = primary.stopped().copy()
                    .completeOnTimeout("nothing, 10 s after", 10, TimeUnit.SECONDS).join();
            assertEquals(reason, stopped, "stopped() says why the primary gave up");
        }
    }

    @Test
    void theRestartDelayGrowsWhileCrashesComeInARow() {
        RestartPolicy policy = Primary.RESTART_POLICY;
        assertTrue(policy.delay(1).compareTo(policy.delay(0)) > 0,
                "the second restart in a row waits as long as the first (" + policy.delay(0) + "): no backoff");
    }

    private Optional<Worker> newWorker(Set<Long> before) {
        return primary.cluster().workers().stream().filter(worker -> !before.contains(worker.pid())).findFirst();
    }

    private static void awaitListening(Worker worker) throws Exception {
        try {
            worker.listening().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(worker + " was not listening after " + Eventually.PATIENCE.toSeconds() + " s");
        }
    }

    /**
     * Holds a port for the workers, as corelab's cluster primary does ({@code PortReservation}):
     * bound with SO_REUSEPORT, never listening, so it takes no connection of theirs.
     */
    private record SharedPort(SocketChannel channel, int number) implements AutoCloseable {
        static SharedPort reserve() throws IOException {
            SocketChannel channel = SocketChannel.open();
            ServerSocketConfig.sharePort(channel);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new SharedPort(channel, ((InetSocketAddress) channel.getLocalAddress()).getPort());
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
