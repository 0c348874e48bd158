package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerMain;
import corelab.modes.options.Balance;
import corelab.modes.server.CrashEndpoints;
import corelab.modes.wire.ReadyLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three ways connections reach a cluster's workers ({@code -Dbalance=}), each as a real
 * process tree: a primary, its worker JVMs and, for {@code nginx}, Debian's nginx. Without
 * nginx the nginx cases are skipped, unless {@code CORELAB_REQUIRE_NGINX=true} (as CI sets
 * it), when a missing nginx fails them.
 */
@Tag("slow")
class BalanceTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 6;

    @ParameterizedTest
    @EnumSource(Balance.class)
    void everyWorkloadIsAnsweredCorrectlyAndConnectionsReachEveryWorker(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        try (PrimaryProcess primary = PrimaryProcess.cluster(balance.word(), 2)) {
            ReadyLine ready = primary.awaitReady();
            assertEquals(balance.word(), ready.fields().get("balance"));
            Map<Integer, Long> workers = primary.workersOnline(2);
            InetSocketAddress address = primary.address(ready);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    done.add(clients.submit(() -> {
                        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                            Workload workload = Workload.values()[(client + r) % Workload.values().length];
                            // Different seeds and tokens per request: a mixed-up answer cannot pass.
                            WorkloadRequest work = new WorkloadRequest(workload, client * 1000L + r, 2000,
                                    client * 7919L + r, 1);
                            String body = body(address, work.target());
                            if (workload.hasExactAnswer()) {
                                assertEquals(work.expectedAnswer(), body, work.target());
                            } else { // a count, which cannot be known in advance
                                assertTrue(WorkloadRequest.countIn(body) > 0, body);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            }
            Set<String> answeredBy = new HashSet<>();
            // Each request on a new connection: the strategy picks a worker per connection.
            for (int i = 0; i < 60 && answeredBy.size() < 2; i++) {
                answeredBy.add(body(address, "/info"));
            }
            for (long pid : workers.values()) {
                assertTrue(answeredBy.stream().anyMatch(a -> a.contains("pid=" + pid + " ")),
                        "not every worker got a connection: " + answeredBy + " vs " + workers);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Balance.class)
    void killingThePrimaryWithSigkillLeavesNoWorkerAndNoNginx(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        try (PrimaryProcess primary = PrimaryProcess.cluster(balance.word(), 2)) {
            primary.awaitReady();
            primary.workersOnline(2);
            if (balance == Balance.NGINX) {
                assertTrue(primary.nginxProcesses().size() >= 2, "an nginx master and its workers run under the primary");
            }
            primary.recordDescendants();
            primary.process.destroyForcibly(); // SIGKILL: no shutdown hook runs in the primary
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        } // close() fails if a worker or an nginx process is left
    }

    @ParameterizedTest
    @EnumSource(Balance.class)
    void aBusyPortIsOneClearErrorAndStartsNothing(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             PrimaryProcess primary = PrimaryProcess.start(Map.of(), List.of("mode=cluster", "workers=2",
                     "balance=" + balance.word(), "port=" + taken.getLocalPort()))) {
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(ServerMain.EXIT_CANNOT_START, primary.process.exitValue());
            String text = primary.output().strip();
            assertTrue(text.contains(Integer.toString(taken.getLocalPort())) && text.contains("already in use"), text);
            assertEquals(1, text.lines().count(), "one clear line, no stack trace, no worker started: " + text);
        }
    }

    /**
     * A front before workers on ports of their own must skip a dead one and reach its
     * replacement: on a new port (proxy) or on the dead one's (nginx, whose upstream list is fixed).
     */
    @ParameterizedTest
    @EnumSource(value = Balance.class, names = {"PROXY", "NGINX"})
    void theFrontSkipsAKilledWorkerAndSendsConnectionsToItsReplacement(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        try (PrimaryProcess primary = PrimaryProcess.cluster(balance.word(), 2)) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            Map<Integer, Long> workers = primary.workersOnline(2);
            long victim = workers.get(1);
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            assertTrue(ProcessGone.await(victim));
            // From here on, whether or not the primary has heard of the death yet, every
            // connection is served: a worker that refuses is skipped for the next.
            for (int i = 0; i < 20; i++) {
                String info = body(address, "/info");
                assertFalse(info.contains("pid=" + victim + " "), "a dead worker answered: " + info);
            }
            long replacement = primary.workersOnline(1).get(1);
            Set<String> answeredBy = new HashSet<>();
            // nginx skips a port that refused for a second (fail_timeout) before it tries it again.
            Eventually.within(Eventually.PATIENCE, () -> {
                answeredBy.add(body(address, "/info"));
                return answeredBy.stream().anyMatch(a -> a.contains("pid=" + replacement + " "));
            });
            assertTrue(answeredBy.stream().anyMatch(a -> a.contains("pid=" + replacement + " ")),
                    "the replacement's port was not picked up: " + answeredBy);
        }
    }

    @Test
    void aMissingNginxIsOneClearMessageAndStartsNothing() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.start(Map.of(NginxFront.EXECUTABLE_VARIABLE, "/nonexistent/nginx"),
                List.of("mode=cluster", "workers=2", "balance=nginx", "port=0"))) {
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(ServerMain.EXIT_CANNOT_START, primary.process.exitValue());
            String text = primary.output().strip();
            assertTrue(text.contains("nginx") && text.contains("apt-get install nginx"), text);
            assertEquals(1, text.lines().count(), "one clear line, no stack trace, no worker started: " + text);
        }
    }

    @Test
    void killingNginxWithSigkillLeavesNoNginxWorkerAndStopsTheClusterWithAMessage() throws Exception {
        NginxRequirement.needsNginxIf(Balance.NGINX);
        try (PrimaryProcess primary = PrimaryProcess.cluster("nginx", 2)) {
            primary.awaitReady();
            primary.workersOnline(2);
            List<ProcessHandle> nginx = primary.nginxProcesses();
            ProcessHandle master = nginx.stream() // the one whose parent is not an nginx
                    .filter(p -> p.parent().map(parent -> !nginx.contains(parent)).orElse(false))
                    .findFirst().orElseThrow(() -> new AssertionError("no nginx master among " + nginx));
            assertTrue(nginx.size() >= 2, "an nginx master and its workers: " + nginx);
            primary.recordDescendants();
            master.destroyForcibly();
            for (ProcessHandle process : nginx) {
                assertTrue(ProcessGone.await(process.pid()), "nginx process " + process.pid() + " outlived its master");
            }
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(ServerMain.EXIT_GAVE_UP, primary.process.exitValue());
            assertTrue(primary.output().contains("corelab: nginx (pid "), primary.output());
        }
    }

    @Test
    void workersThatCrashInALoopMakeThePrimaryExitWith3AndLeaveNoProcess() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("kernel", 1, "crashEndpoints=true", "maxRestarts=2",
                "minUptimeMillis=600000", "restartDelayMillis=10")) {
            ReadyLine ready = primary.awaitReady();
            InetSocketAddress address = primary.address(ready);
            String crashExit = CrashEndpoints.target(CrashEndpoints.EXIT_PATH, ready.crashSecret().orElseThrow());
            Eventually.within(Eventually.PATIENCE, () -> {
                if (!primary.process.isAlive()) {
                    return true;
                }
                primary.recordDescendants();
                try {
                    Http.get(address, crashExit); // the worker that takes it halts
                } catch (IOException e) {
                    // the halt, or between a crash and the restart nobody listens
                }
                return false;
            });
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(ServerMain.EXIT_GAVE_UP, primary.process.exitValue(), primary.output());
            assertTrue(primary.output().contains("corelab: workers crashed 3 times in a row"), primary.output());
        }
    }

    /**
     * The workers' body limit holds behind every front: nginx answers 413 itself, from the
     * declared length, instead of buffering the body and leaving the client waiting.
     */
    @ParameterizedTest
    @EnumSource(Balance.class)
    void aBodyOverTheLimitGets413NotAWait(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        try (PrimaryProcess primary = PrimaryProcess.cluster(balance.word(), 1, "maxBodyBytes=1000")) {
            InetSocketAddress address = primary.address(primary.awaitReady());
            primary.workersOnline(1);
            try (HttpConnection connection = HttpConnection.open(address)) {
                // Only the header section: the length alone must decide, as the body may never come.
                Http.Response response = connection.exchange("POST /hello HTTP/1.1\r\nHost: corelab\r\n"
                        + "Content-Length: 1001\r\n\r\n");
                assertEquals(413, response.status(), response.toString());
            }
            body(address, "/hello"); // and the cluster serves on
        }
    }

    /** One request on a new connection; fails unless the answer is 200; returns the body. */
    private static String body(InetSocketAddress address, String target) throws IOException {
        Http.Response response = Http.get(address, target);
        assertTrue(response.statusLine().startsWith("HTTP/1.1 200 "), target + ": " + response);
        return response.body();
    }
}
