package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.ServerMain;
import corelab.modes.options.Balance;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * pm2's best-known complaint is that its reload drops requests. corelab's must not: clients
 * that open a new connection per request and clients that keep theirs alive loop on
 * {@code /hello} while every worker is replaced, and not one request may fail.
 */
@Tag("slow")
class RollingReloadTest {
    private static final String HELLO = "Hello from corelab\n";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong answered = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(Balance.class)
    void aRollingReloadUnderLoadFailsNoRequestAndReplacesEveryWorker(Balance balance) throws Exception {
        NginxRequirement.needsNginxIf(balance);
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workers", "2", "port", "0",
                "backendDelayMillis", "1", "balance", balance.word()));
        Set<Long> before;
        Set<Long> after;
        try (ClusterServer server = new ClusterServer(ServerMain.class, options, System.out)) {
            before = new HashSet<>(server.workerPids().values());
            assertEquals(2, before.size());
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clients.add(Thread.ofPlatform().start(() -> newConnectionEachTime(server.address())));
                clients.add(Thread.ofPlatform().start(() -> keepAlive(server.address())));
            }
            awaitAnswers(200); // the load is on before the reload starts...
            server.reload();
            awaitAnswers(200); // ...and still served after it
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            after = new HashSet<>(server.workerPids().values());
            assertEquals(2, after.size());
            assertTrue(Collections.disjoint(before, after), "every worker was replaced: " + before + " -> " + after);
            for (long pid : before) {
                assertTrue(ProcessGone.await(pid), "old worker " + pid + " still runs after the reload");
            }
        }
        for (long pid : after) {
            assertTrue(ProcessGone.await(pid), "worker " + pid + " outlived its cluster");
        }
        // A worker that disconnects first accepts what is queued on its socket, then closes it;
        // a connection that reaches the socket in between is reset by Linux, unless the kernel
        // may hand it to a sibling (net.ipv4.tcp_migrate_req=1, which CI sets; see the README).
        // Behind a front there is no such window: the proxy sends no connection to a worker
        // asked to disconnect, and nginx retries a GET whose connection was reset elsewhere.
        assumeTrue(balance != Balance.KERNEL || requestMigration(), "net.ipv4.tcp_migrate_req is not 1 here: " + failures.size()
                + " reset(s) during the reload are the kernel's, not checked");
        assertEquals(List.of(), failures, failures.size() + " of " + (answered.get() + failures.size())
                + " requests failed during the reload");
    }

    static boolean requestMigration() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_migrate_req"))
                    .strip().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitAnswers(long more) throws InterruptedException {
        long target = answered.get() + more;
        Eventually.within(Eventually.PATIENCE, () -> answered.get() >= target || !failures.isEmpty());
    }

    private void newConnectionEachTime(InetSocketAddress address) {
        while (running.get()) {
            try (HttpConnection connection = connect(address)) {
                exchange(connection);
            } catch (IOException e) {
                failures.add("new connection: " + e);
            }
        }
    }

    private void keepAlive(InetSocketAddress address) {
        HttpConnection connection = null;
        try {
            while (running.get()) {
                try {
                    if (connection == null) {
                        connection = connect(address);
                    }
                    if (exchange(connection)) {
                        connection.close(); // the server said Connection: close (a disconnecting worker)
                        connection = null;
                    }
                } catch (IOException e) {
                    failures.add("keep-alive: " + e);
                    connection = null;
                }
            }
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // done
                }
            }
        }
    }

    private static HttpConnection connect(InetSocketAddress address) throws IOException {
        return HttpConnection.open(address, Duration.ofSeconds(30));
    }

    /** One GET /hello on {@code connection}; true if the server closes the connection after it. */
    private boolean exchange(HttpConnection connection) throws IOException {
        Http.Response response = connection.exchange("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        if (!response.statusLine().startsWith("HTTP/1.1 200 ") || !response.body().equals(HELLO)) {
            throw new IOException("a wrong answer: " + response);
        }
        answered.incrementAndGet();
        return response.announcesClose();
    }
}
