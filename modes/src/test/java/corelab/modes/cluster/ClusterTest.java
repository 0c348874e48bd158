package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerMain;
import corelab.modes.process.JvmCommand;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.MessageLine;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.Reload;
import corelab.modes.wire.StatsLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The cluster as a real process tree: a primary JVM and its worker JVMs. */
@Tag("slow")
class ClusterTest {
    private PrimaryProcess primary;

    /** Stops the primary if it still runs, and fails if any process it ever ran outlived the test. */
    @AfterEach
    void noProcessLeftBehind() throws Exception {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void workersShareThePortAndConnectionsReachMoreThanOne() throws Exception {
        ReadyLine ready = startPrimary(2);
        Map<Integer, Long> workers = workersOnline(2);
        InetSocketAddress address = new InetSocketAddress(ready.host(), ready.port());
        Set<String> answeredBy = new HashSet<>();
        // Each request on a new connection: the kernel picks a worker per connection.
        for (int i = 0; i < 40 && answeredBy.size() < 2; i++) {
            answeredBy.add(get(address, "/info"));
        }
        assertEquals(2, answeredBy.size(), "connections all went to one worker: " + answeredBy);
        for (long pid : workers.values()) {
            assertTrue(answeredBy.stream().anyMatch(a -> a.contains("pid=" + pid + " ")), answeredBy + " vs " + workers);
        }
    }

    @Test
    void aKilledWorkerIsReplacedAndServiceGoesOn() throws Exception {
        ReadyLine ready = startPrimary(2);
        Map<Integer, Long> workers = workersOnline(2);
        long victim = workers.get(1);
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        Map<Integer, Long> replacement = workersOnline(1);
        assertEquals(Set.of(1), replacement.keySet(), "the replacement takes the dead worker's id");
        assertNotEquals(victim, replacement.get(1));
        assertTrue(ProcessGone.await(victim));
        assertTrue(ProcessGone.alive(replacement.get(1)));

        InetSocketAddress address = new InetSocketAddress(ready.host(), ready.port());
        for (int i = 0; i < 20; i++) {
            String info = get(address, "/info");
            assertFalse(info.contains("pid=" + victim + " "), "a dead worker answered: " + info);
        }
    }

    @Test
    void killingThePrimaryWithSigkillLeavesNoWorkerRunning() throws Exception {
        startPrimary(2);
        Map<Integer, Long> workers = workersOnline(2);
        primary.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the primary
        primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        for (long pid : workers.values()) {
            assertTrue(ProcessGone.await(pid), "worker " + pid + " survived its primary");
        }
    }

    @Test
    void sigtermStopsThePrimaryAndEveryWorker() throws Exception {
        startPrimary(2);
        Map<Integer, Long> workers = workersOnline(2);
        primary.process.destroy();
        assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        for (long pid : workers.values()) {
            assertTrue(ProcessGone.await(pid));
        }
    }

    @Test
    void aBusyPortIsOneClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(JvmCommand.forMain(ServerMain.class, List.of(),
                    List.of("mode=cluster", "workers=2", "port=" + taken.getLocalPort())))
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            process.getInputStream().transferTo(output);
            assertTrue(process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(ServerMain.EXIT_CANNOT_START, process.exitValue());
            String text = output.toString(StandardCharsets.UTF_8).strip();
            assertTrue(text.contains(Integer.toString(taken.getLocalPort())) && text.contains("already in use"), text);
            assertEquals(1, text.lines().count(), "one clear line, no stack trace: " + text);
        }
    }

    @Test
    void aReloadLineOnTheStandardInputReplacesEveryWorker() throws Exception {
        startPrimary(2);
        Map<Integer, Long> before = workersOnline(2);
        String reload = new MessageLine(new Reload()).format() + "\n";
        primary.process.getOutputStream().write(reload.getBytes(StandardCharsets.UTF_8));
        primary.process.getOutputStream().flush();
        Map<Integer, Long> after = workersOnline(2);
        assertEquals(Set.of(1, 2), after.keySet());
        for (int id : after.keySet()) {
            assertNotEquals(before.get(id), after.get(id));
        }
        for (long pid : before.values()) {
            assertTrue(ProcessGone.await(pid), "old worker " + pid + " still runs after the reload");
        }
    }

    @Test
    void workersSendTheirStatsToThePrimaryWhichPrintsThemForTheHarness() throws Exception {
        startPrimary(1, "statsIntervalMillis=100");
        long worker = workersOnline(1).get(1);
        primary.awaitLine(line -> ForwardedLine.parse(line)
                .filter(forwarded -> forwarded.workerId() == 1)
                .flatMap(forwarded -> StatsLine.parse(forwarded.line()))
                .filter(stats -> stats.pid() == worker && stats.workerId() == 1)
                .isPresent());
    }

    private ReadyLine startPrimary(int workers, String... extraArgs) throws IOException, InterruptedException {
        primary = PrimaryProcess.cluster("kernel", workers, extraArgs);
        return primary.awaitReady();
    }

    private Map<Integer, Long> workersOnline(int count) throws InterruptedException {
        return primary.workersOnline(count);
    }

    /** The body of a 200 answer to one request on a new connection. */
    private static String get(InetSocketAddress address, String target) throws IOException {
        Http.Response response = Http.get(address, target);
        assertTrue(response.statusLine().startsWith("HTTP/1.1 200 "), response.toString());
        return response.body();
    }
}
