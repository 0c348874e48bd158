package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import corelab.modes.JvmCommand;
import corelab.modes.ReadyLine;
import corelab.modes.ServerMain;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster as a real process tree: a primary JVM and its worker JVMs. */
class ClusterTest {
    private static final Pattern ONLINE = Pattern.compile("corelab-worker-online id=(\\d+) pid=(\\d+)");
    private static final long WAIT_SECONDS = 60;

    private Process primary;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Set<Long> everyWorkerPid = new HashSet<>();

    @AfterEach
    void noProcessLeftBehind() throws Exception {
        if (primary != null && primary.isAlive()) {
            primary.destroy();
            primary.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        for (long pid : everyWorkerPid) {
            assertTrue(awaitGone(pid), "worker " + pid + " outlived the test");
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
        assertTrue(awaitGone(victim));
        assertTrue(ProcessHandle.of(replacement.get(1)).map(ProcessHandle::isAlive).orElse(false));

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
        primary.destroyForcibly(); // SIGKILL: no shutdown hook runs in the primary
        primary.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        for (long pid : workers.values()) {
            assertTrue(awaitGone(pid), "worker " + pid + " survived its primary");
        }
    }

    @Test
    void sigtermStopsThePrimaryAndEveryWorker() throws Exception {
        startPrimary(2);
        Map<Integer, Long> workers = workersOnline(2);
        primary.destroy();
        assertTrue(primary.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        for (long pid : workers.values()) {
            assertTrue(awaitGone(pid));
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
            assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
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
        primary.getOutputStream().write("corelab-msg reload\n".getBytes(StandardCharsets.UTF_8));
        primary.getOutputStream().flush();
        Map<Integer, Long> after = workersOnline(2);
        assertEquals(Set.of(1, 2), after.keySet());
        for (int id : after.keySet()) {
            assertNotEquals(before.get(id), after.get(id));
        }
        for (long pid : before.values()) {
            assertTrue(awaitGone(pid), "old worker " + pid + " still runs after the reload");
        }
    }

    @Test
    void workersSendTheirStatsToThePrimaryWhichPrintsThemForTheHarness() throws Exception {
        startPrimary(1, "statsIntervalMillis=100");
        long worker = workersOnline(1).get(1);
        Pattern stats = Pattern.compile("^\\[worker 1\\] corelab-stats pid=" + worker + " worker=1 requests=\\d+$");
        while (!stats.matcher(nextLine()).matches()) {
            // the next line
        }
    }

    private ReadyLine startPrimary(int workers, String... extraArgs) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(
                List.of("mode=cluster", "workers=" + workers, "port=0", "backendDelayMillis=1"));
        args.addAll(List.of(extraArgs));
        primary = new ProcessBuilder(JvmCommand.forMain(ServerMain.class, List.of(), args))
                .redirectErrorStream(true).start();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(primary.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the primary is gone
            }
        });
        while (true) {
            String line = nextLine();
            var ready = ReadyLine.parse(line);
            if (ready.isPresent()) {
                assertEquals("cluster", ready.get().mode());
                return ready.get();
            }
            recordWorker(line);
        }
    }

    /** Waits for {@code count} more worker-online lines; returns their pids by worker id. */
    private Map<Integer, Long> workersOnline(int count) throws InterruptedException {
        Map<Integer, Long> online = new TreeMap<>(onlineSeen);
        onlineSeen.clear();
        while (online.size() < count) {
            String line = nextLine();
            Map<Integer, Long> worker = recordWorker(line);
            online.putAll(worker);
        }
        return online;
    }

    private final Map<Integer, Long> onlineSeen = new TreeMap<>();

    private Map<Integer, Long> recordWorker(String line) {
        Matcher matcher = ONLINE.matcher(line);
        if (!matcher.find()) {
            return Map.of();
        }
        int id = Integer.parseInt(matcher.group(1));
        long pid = Long.parseLong(matcher.group(2));
        everyWorkerPid.add(pid);
        onlineSeen.put(id, pid);
        return Map.of(id, pid);
    }

    private String nextLine() throws InterruptedException {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            fail("the primary said nothing for " + WAIT_SECONDS + " s");
        }
        return line;
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String get(InetSocketAddress address, String target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 200 "), text);
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
