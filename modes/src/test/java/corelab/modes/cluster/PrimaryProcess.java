package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import corelab.modes.ServerMain;
import corelab.modes.process.JvmCommand;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.WorkerOnlineLine;
import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A cluster primary started as a real process for a test: its output line by line, its
 * ready line, its workers as they come online, and every process it ever ran (workers and
 * nginx's), so that {@link #close} can prove none is left.
 */
final class PrimaryProcess implements AutoCloseable {
    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Map<Integer, Long> onlineNotTaken = new TreeMap<>();
    private final Set<Long> everyDescendant = ConcurrentHashMap.newKeySet();

    private PrimaryProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the primary is gone
            }
        });
    }

    /** Starts {@code ServerMain} with {@code args} and {@code environment}, without waiting for anything. */
    static PrimaryProcess start(Map<String, String> environment, List<String> args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(JvmCommand.forMain(ServerMain.class, List.of(), args))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new PrimaryProcess(builder.start());
    }

    /** A cluster of {@code workers} with {@code balance}, on a free port, and its ready line. */
    static PrimaryProcess cluster(String balance, int workers, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("mode=cluster", "balance=" + balance, "workers=" + workers,
                "port=0", "backendDelayMillis=1", "cpuIterations=2000"));
        args.addAll(List.of(extraArgs));
        return start(Map.of(), args);
    }

    ReadyLine awaitReady() throws InterruptedException {
        while (true) {
            String line = nextLine();
            var ready = ReadyLine.parse(line);
            if (ready.isPresent()) {
                assertEquals("cluster", ready.get().mode());
                recordDescendants();
                return ready.get();
            }
            recordWorker(line);
        }
    }

    InetSocketAddress address(ReadyLine ready) {
        return new InetSocketAddress(ready.host(), ready.port());
    }

    /** Waits for {@code count} more worker-online lines; returns their pids by worker id. */
    Map<Integer, Long> workersOnline(int count) throws InterruptedException {
        Map<Integer, Long> online = new TreeMap<>(onlineNotTaken);
        onlineNotTaken.clear();
        while (online.size() < count) {
            online.putAll(recordWorker(nextLine()));
        }
        recordDescendants();
        return online;
    }

    /** Waits for a line that is {@code wanted}; returns it. */
    String awaitLine(Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String line = nextLine();
            recordWorker(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The nginx processes under the primary now (master and workers). */
    List<ProcessHandle> nginxProcesses() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/nginx")).orElse(false)
                        || p.info().commandLine().map(c -> c.contains("nginx:")).orElse(false))
                .toList();
    }

    /** Remembers every process under the primary, to check at the end that it is gone. */
    void recordDescendants() {
        process.toHandle().descendants().forEach(p -> everyDescendant.add(p.pid()));
    }

    String output() {
        return output.toString();
    }

    private Map<Integer, Long> recordWorker(String line) {
        Optional<WorkerOnlineLine> online = WorkerOnlineLine.parse(line);
        if (online.isEmpty()) {
            return Map.of();
        }
        int id = online.get().id();
        long pid = online.get().pid();
        everyDescendant.add(pid);
        onlineNotTaken.put(id, pid);
        return Map.of(id, pid);
    }

    private String nextLine() throws InterruptedException {
        String line = lines.poll(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            fail("the primary said nothing for " + Eventually.PATIENCE.toSeconds() + " s; its output:\n" + output);
        }
        return line;
    }

    /** Stops the primary if it still runs, then fails if any process it ever ran outlived it. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            recordDescendants();
            process.destroy();
            process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        List<Long> left = new ArrayList<>();
        for (long pid : everyDescendant) {
            if (!ProcessGone.await(pid)) {
                left.add(pid);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // not left for the next test
            }
        }
        if (!left.isEmpty()) {
            fail("processes outlived their primary: " + left + "; its output:\n" + output);
        }
    }
}
