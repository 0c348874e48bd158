package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that try to hold a server hostage, against every in-process transport: each must
 * lose its connection while a well-behaved client goes on being served. Bounds are generous
 * upper limits for liveness (ten times a deadline), never a measured time.
 */
class HostileClientTest {
    private static final int DEADLINE_MILLIS = 300;
    /**
     * How long a client waits for the server's 408 or close: far beyond the deadline, since a machine under
     * heavy load (a load average of 60 on 2 cores in one CI run) can delay the server's timer by seconds,
     * yet shorter than the 18 s the trickled 900 bytes take, so a server without the deadline still fails.
     */
    private static final Duration BOUND = Duration.ofSeconds(12);
    /** Far longer than the pause between trickled bytes: only the total deadline can end the request. */
    private static final String IDLE_TIMEOUT_MILLIS = "5000";
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void aHeaderTrickledByteByByteIsCutOffByTheHeaderDeadline(String mode) throws Exception {
        String head = "GET /hello HTTP/1.1\r\nHost: test\r\nX-Slow: " + "a".repeat(900) + "\r\n\r\n";
        try (RunningServer server = start(mode, Map.of("headerTimeoutMillis", Integer.toString(DEADLINE_MILLIS)))) {
            assertTrickledRequestGets408(server.address(), "", head, "header");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void aBodyTrickledByteByByteIsCutOffByTheBodyDeadline(String mode) throws Exception {
        String head = "GET /hello HTTP/1.1\r\nHost: test\r\nContent-Length: 900\r\n\r\n";
        try (RunningServer server = start(mode, Map.of("bodyTimeoutMillis", Integer.toString(DEADLINE_MILLIS)))) {
            assertTrickledRequestGets408(server.address(), head, "b".repeat(900), "body");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void connectionsBeyondTheCapAreClosedAtOnce(String mode) throws Exception {
        // platform: its pool of 2 threads is the cap; the others (poller too): maxConnections.
        try (RunningServer server = start(mode, Map.of("threads", "2", "maxConnections", "2"));
             HttpConnection first = HttpConnection.open(server.address());
             HttpConnection second = HttpConnection.open(server.address())) {
            assertHello(first);
            assertHello(second); // both accepted and counted before the third comes

            try (HttpConnection third = HttpConnection.open(server.address(), BOUND)) {
                assertTrue(third.closedByServer(), "a connection beyond the cap must be closed at once");
            }
            assertEquals(1, server.refusedConnections(), "each refused connection is counted");
            assertHello(first);
            assertHello(second);
        }
        // Once one leaves, a new one is served again.
        try (RunningServer server = start(mode, Map.of("threads", "1", "maxConnections", "1"))) {
            try (HttpConnection one = HttpConnection.open(server.address())) {
                assertHello(one);
            }
            Http.Response answer = null;
            for (int attempt = 0; answer == null && attempt < 50; attempt++) {
                // The server may not have seen the first one go yet: a refused try is closed, so try again.
                try (HttpConnection again = HttpConnection.open(server.address())) {
                    answer = again.exchange(HELLO);
                } catch (IOException refused) {
                    Thread.sleep(20);
                }
            }
            assertEquals(200, answer == null ? 0 : answer.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void aClientThatDoesNotReadItsAnswersIsDroppedAfterTheSendTimeout(String mode) throws Exception {
        try (RunningServer server = start(mode, Map.of("sendTimeoutMillis", Integer.toString(DEADLINE_MILLIS)));
             HttpConnection steady = HttpConnection.open(server.address());
             HttpConnection deaf = HttpConnection.open(server.address())) {
            byte[] requests = HELLO.repeat(1000).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            // Pipelined requests whose answers are never read: the buffers fill, then the server
            // has output it cannot send. It must drop the connection, which fails these writes.
            boolean dropped = false;
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!dropped && System.nanoTime() < giveUp) {
                try {
                    deaf.send(requests);
                } catch (IOException e) {
                    dropped = true;
                }
            }
            assertTrue(dropped, "a client that reads nothing still holds its connection");
            assertHello(steady);
        }
    }

    /** Sends {@code prefix} at once, then {@code trickled} a byte at a time, while another client is served. */
    private static void assertTrickledRequestGets408(InetSocketAddress address, String prefix, String trickled,
                                                     String phase) throws Exception {
        try (HttpConnection steady = HttpConnection.open(address);
             HttpConnection slow = HttpConnection.open(address, BOUND)) {
            slow.send(prefix);
            AtomicBoolean stop = new AtomicBoolean();
            Thread trickler = Thread.ofPlatform().name("test-trickler").start(() -> {
                try {
                    for (int i = 0; i < trickled.length() && !stop.get(); i++) {
                        slow.send(trickled.substring(i, i + 1));
                        Thread.sleep(20); // 900 bytes would take 18 s: far past the deadline
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed it: expected
                }
            });
            try {
                assertHello(steady);
                Http.Response answer = slow.readResponse(); // within BOUND, or a read timeout fails the test
                assertEquals(408, answer.status(), answer.body());
                assertTrue(answer.body().contains(phase), answer.body());
                assertTrue(slow.closedByServer(), "the connection must be closed after its 408");
                assertHello(steady);
            } finally {
                stop.set(true);
                trickler.join();
            }
        }
    }

    private static void assertHello(HttpConnection client) throws IOException {
        Http.Response response = client.exchange(HELLO);
        assertEquals(200, response.status(), response.body());
        assertEquals(WorkloadRequest.HELLO_ANSWER, response.body());
    }

    private static RunningServer start(String mode, Map<String, String> limits) throws IOException {
        Map<String, String> options = new HashMap<>(limits);
        options.put("mode", mode);
        options.put("port", "0");
        options.put("idleTimeoutMillis", IDLE_TIMEOUT_MILLIS);
        return RunningServer.start(ServerOptions.parse(options), 0, System.out);
    }
}
