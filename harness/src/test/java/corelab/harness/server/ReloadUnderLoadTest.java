package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.load.LoadGenerator;
import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.load.LoadSpec;
import corelab.harness.load.RequestTemplate;
import corelab.modes.NodeProgram;
import corelab.modes.options.Mode;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PM2's reload against corelab's rolling reload, under the same load from corelab's generator,
 * which counts every failed request: {@code pm2 reload all} for the Node.js program under
 * {@code pm2-runtime -i 2}, and a corelab cluster of two workers asked to reload. PM2's reload has
 * published reports of dropped requests; this measures rather than assumes: it asserts that each
 * reload replaced every worker while the load went on, and prints the failures it counted.
 */
@Tag("slow")
class ReloadUnderLoadTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 8;

    @Test
    void pm2ReloadAndCorelabsRollingReloadUnderTheSameLoad() throws Exception {
        assumeTrue(NodeProgram.problem(Mode.NODE_PM2).isEmpty(), () -> NodeProgram.problem(Mode.NODE_PM2).orElse(""));
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workers", "2", "port", "0"));
        String corelab = measure(ServerProcess.startMode(options, 0, List.of(), READY_TIMEOUT), "cluster");
        String pm2 = measure(ServerProcess.startNode(options.withMode(Mode.NODE_PM2), Mode.NODE_PM2, 2, 0, READY_TIMEOUT),
                "node-pm2");
        System.out.println("reload under load, " + CONNECTIONS + " keep-alive connections on /hello, "
                + "tcp_migrate_req=" + migrateRequests() + ":\n  " + corelab + "\n  " + pm2);
    }

    /** Load, reload, load again; returns one line: requests answered and failed, by kind, around the reload. */
    private static String measure(ServerProcess server, String what) throws Exception {
        List<Long> tree = new ArrayList<>();
        try (server; LoadGenerator load = new LoadGenerator(server.address(),
                new LoadSpec(LoadModel.CLOSED, CONNECTIONS, 1, 10_000), List.of(hello()))) {
            // Under PM2 the first worker's ready line may come before the second is online.
            Eventually.assertWithin(Eventually.PATIENCE, () -> server.workersOnline().size() == 2,
                    () -> what + ": two workers online before: " + server.workersOnline());
            Set<Long> before = server.workersOnline().stream().map(WorkerOnline::pid).collect(Collectors.toSet());
            load.start();
            Thread.sleep(2000);
            LoadInterval warm = load.sample();
            assertTrue(warm.completed() > 0, what + ": the load is on before the reload");
            server.reload();
            Eventually.assertWithin(Eventually.PATIENCE, () -> server.workersOnline().size() >= 4,
                    () -> what + ": every worker replaced: " + server.workersOnline());
            Thread.sleep(2000); // and served after it
            LoadInterval around = load.sample();
            assertTrue(around.completed() > 0, what + ": served through the reload");
            server.handle().descendants().forEach(p -> tree.add(p.pid()));
            for (long pid : before) {
                assertTrue(ProcessGone.awaitOrZombie(pid), what + ": old worker " + pid + " still runs after the reload");
            }
            return String.format(Locale.ROOT, "%s: %d answered, %d failed (%d resets or early closes, %d non-2xx,"
                    + " %d timeouts) from the reload to 2 s after the last new worker",
                    what, around.completed(), around.errors(), around.connectionErrors(), around.statusErrors(),
                    around.timeouts());
        } finally {
            ProcessGone.assertAllExit(tree);
            // No PM2 daemon outlives the run: nothing names the run's PM2_HOME any more, not even a God
            // Daemon that `pm2 reload` might have started had it not found pm2-runtime's.
            for (String home : server.command().stream().filter(w -> w.startsWith("PM2_HOME=")).map(w -> w.substring(9))
                    .toList()) {
                Eventually.assertWithin(Eventually.PATIENCE, () -> ProcessHandle.allProcesses().noneMatch(
                        p -> p.info().commandLine().orElse("").contains(home)), () -> "a process of " + home + " is left");
                assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of(home)), "PM2_HOME left: " + home);
            }
        }
    }

    private static RequestTemplate hello() {
        return new RequestTemplate(Workload.HELLO.path(), WorkloadRequest.HELLO_ANSWER, false);
    }

    private static String migrateRequests() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_migrate_req")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
