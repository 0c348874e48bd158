package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.Balance;
import corelab.modes.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        BalanceTest.needsNginxIf(balance);
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workers", "2", "port", "0",
                "backendDelayMillis", "1", "balance", balance.word()));
        Set<Long> before;
        Set<Long> after;
        try (ClusterServer server = new ClusterServer(options, System.out)) {
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
                assertTrue(Processes.awaitGone(pid), "old worker " + pid + " still runs after the reload");
            }
        }
        for (long pid : after) {
            assertTrue(Processes.awaitGone(pid), "worker " + pid + " outlived its cluster");
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
        long deadline = System.nanoTime() + Processes.WAIT_SECONDS * 1_000_000_000L;
        while (answered.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void newConnectionEachTime(InetSocketAddress address) {
        while (running.get()) {
            try (Socket socket = connect(address)) {
                exchange(socket);
            } catch (IOException e) {
                failures.add("new connection: " + e);
            }
        }
    }

    private void keepAlive(InetSocketAddress address) {
        Socket socket = null;
        try {
            while (running.get()) {
                try {
                    if (socket == null) {
                        socket = connect(address);
                    }
                    if (exchange(socket)) {
                        socket.close(); // the server said Connection: close (a disconnecting worker)
                        socket = null;
                    }
                } catch (IOException e) {
                    failures.add("keep-alive: " + e);
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // done
                }
            }
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** One GET /hello on {@code socket}; true if the server closes the connection after it. */
    private boolean exchange(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended before the answer; got '" + head + "'");
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (!headText.startsWith("HTTP/1.1 200 ") || !body.equals(HELLO)) {
            throw new IOException("a wrong answer: " + headText + body);
        }
        answered.incrementAndGet();
        return headText.toLowerCase(java.util.Locale.ROOT).contains("connection: close");
    }
}
