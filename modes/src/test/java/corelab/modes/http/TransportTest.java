package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transports over real sockets, through {@link RunningServer} exactly as a server
 * process runs them: the event loop ({@code single}), the blocking server on platform
 * and on virtual threads, and the poller that hands requests to threads ({@code poller}). Every test runs against each, because the codec is shared but
 * what a transport does with its answers (order, closing, timeouts) is not.
 *
 * <p>Nothing here asserts how long anything took: where a test needs the server to act
 * on its own (idle timeout), it waits for the effect with a generous bound.
 */
class TransportTest {
    private static final int IDLE_TIMEOUT_MILLIS = 500;
    private static final int MAX_HEADER_BYTES = 1024;
    private static final int MAX_BODY_BYTES = 1000;
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    @AfterEach
    void noServerThreadOutlivesItsTest() throws InterruptedException {
        // Closing a server waits for its threads, but give a loaded machine some slack.
        Eventually.within(Duration.ofSeconds(10), () -> serverThreads().isEmpty());
        assertEquals(List.of(), serverThreads(), "threads left behind by a closed server");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void keepsTheConnectionAcrossRequests(String mode) throws IOException {
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            for (WorkloadRequest work : List.of(hello(), cpu(3, 500), io(4, 1), hello(), cpu(5, 0))) {
                Http.Response response = client.exchange(get(work.target()));

                assertEquals(200, response.status(), response.body());
                assertEquals(work.expectedAnswer(), response.body());
                assertNull(response.header("connection"), "an HTTP/1.1 keep-alive answer needs no Connection header");
            }
            Http.Response info = client.exchange(get("/info"));
            assertEquals(200, info.status());
            assertTrue(info.body().contains("mode=" + mode), info.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answersThenClosesWhenTheClientAsksForClose(String mode) throws IOException {
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            Http.Response response = client.exchange("GET /hello HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");

            assertEquals(200, response.status());
            assertEquals(WorkloadRequest.HELLO_ANSWER, response.body());
            assertTrue(response.announcesClose(), "the answer says the connection ends: " + response.headers());
            assertTrue(client.closedByServer(), "still open after the answer to Connection: close");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void closesAfterHttp10RequestUnlessAskedToKeepAlive(String mode) throws IOException {
        try (RunningServer server = start(mode, 0)) {
            try (HttpConnection client = HttpConnection.open(server.address())) {
                Http.Response response = client.exchange("GET /hello HTTP/1.0\r\n\r\n");

                assertEquals(200, response.status());
                assertTrue(response.announcesClose(), response.headers().toString());
                assertTrue(client.closedByServer(), "HTTP/1.0 without keep-alive must close");
            }
            try (HttpConnection client = HttpConnection.open(server.address())) {
                for (int i = 0; i < 3; i++) {
                    Http.Response response = client.exchange("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

                    assertEquals(200, response.status());
                    assertEquals("keep-alive", response.header("connection"), "an HTTP/1.0 client must be told");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void readsPostBodyAsBodyAndKeepsServing(String mode) throws IOException {
        // A body that looks like a request: read as part of the POST (refused with 405, as POST is
        // not served), never as a request of its own.
        String body = "GET /nope HTTP/1.1\r\n\r\n";
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            Http.Response posted = client.exchange(
                    "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertEquals(405, posted.status(), posted.body());
            assertEquals("GET, HEAD", posted.header("allow"));

            // The same again with the body in a write of its own, after the head.
            client.send("POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length() + "\r\n\r\n");
            Http.Response split = client.send(body).readResponse();
            assertEquals(405, split.status());

            Http.Response next = client.exchange(HELLO);
            assertEquals(200, next.status(), "the connection is in step after the bodies");
            assertEquals(WorkloadRequest.HELLO_ANSWER, next.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answersPipelinedRequestsInOrder(String mode) throws IOException {
        List<WorkloadRequest> works = List.of(cpu(1, 1000), hello(), io(9, 5));
        assertPipelined(mode, works);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answersPipelinedRequestsInOrderWhenTheFirstWaits(String mode) throws IOException {
        // The slow io request first: a transport that answered whatever finished first would swap them.
        List<WorkloadRequest> works = List.of(io(1, 200), hello(), cpu(2, 2000), io(3, 0), hello());
        assertPipelined(mode, works);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answersNothingPipelinedAfterConnectionClose(String mode) throws IOException {
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            client.send(HELLO + "GET /hello HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" + HELLO);

            assertEquals(200, client.readResponse().status());
            Http.Response last = client.readResponse();
            assertEquals(200, last.status());
            assertTrue(last.announcesClose(), last.headers().toString());
            assertTrue(client.closedByServer(), "a request after Connection: close must not be answered");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answersClientThatHalfClosesAfterItsRequests(String mode) throws IOException {
        // What "printf 'GET ...' | nc host port" does: send, shut the sending side, then read.
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            WorkloadRequest slow = io(8, 50);
            client.send(HELLO + get(slow.target())).shutdownOutput();

            assertEquals(WorkloadRequest.HELLO_ANSWER, client.readResponse().body());
            assertEquals(slow.expectedAnswer(), client.readResponse().body());
            assertTrue(client.closedByServer(), "the client has nothing more to say, so the server closes");
        }
    }

    /** One bad input; {@code toString} is its name in the test report. */
    record BadInput(String name, String request, int status, boolean mustClose) {
        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    static Stream<Arguments> badInputs() {
        String longValue = "a".repeat(MAX_HEADER_BYTES + 100);
        String tooLargeBody = "b".repeat(MAX_BODY_BYTES + 1);
        List<BadInput> inputs = List.of(
                new BadInput("garbage", "GARBAGE\r\n\r\n", 400, true),
                new BadInput("no version", "GET /hello\r\n\r\n", 400, true),
                new BadInput("bare LF", "GET /hello HTTP/1.1\n\n", 400, true),
                new BadInput("space in target", "GET /a b HTTP/1.1\r\nHost: test\r\n\r\n", 400, true),
                new BadInput("header without colon", "GET /hello HTTP/1.1\r\nHost test\r\n\r\n", 400, true),
                new BadInput("space before colon", "GET /hello HTTP/1.1\r\nHost : test\r\n\r\n", 400, true),
                new BadInput("obs-fold", "GET /hello HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n", 400, true),
                new BadInput("conflicting Content-Length",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n12345", 400, true),
                new BadInput("Content-Length list that disagrees",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: 5, 6\r\n\r\n12345", 400, true),
                new BadInput("non-numeric Content-Length",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: five\r\n\r\nhello", 400, true),
                new BadInput("bad query parameter", "GET /cpu?seed=abc HTTP/1.1\r\nHost: test\r\n\r\n", 400, false),
                new BadInput("header section that never ends",
                        "GET /hello HTTP/1.1\r\nX-Long: " + longValue, 431, true),
                new BadInput("header section over the limit",
                        "GET /hello HTTP/1.1\r\nX-Long: " + longValue + "\r\n\r\n", 431, true),
                new BadInput("body over the limit, announced only",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: " + (MAX_BODY_BYTES + 1) + "\r\n\r\n", 413, true),
                new BadInput("body over the limit, sent",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: " + tooLargeBody.length() + "\r\n\r\n" + tooLargeBody,
                        413, true),
                new BadInput("Transfer-Encoding",
                        "POST /hello HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501, true),
                new BadInput("HTTP/2.0", "GET /hello HTTP/2.0\r\n\r\n", 505, true),
                new BadInput("unknown path", "GET /nope HTTP/1.1\r\nHost: test\r\n\r\n", 404, false),
                new BadInput("DELETE", "DELETE /hello HTTP/1.1\r\nHost: test\r\n\r\n", 405, false));
        List<Arguments> arguments = new ArrayList<>();
        for (String mode : List.of("single", "platform", "virtual", "poller")) {
            inputs.forEach(input -> arguments.add(Arguments.of(mode, input)));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void refusesBadInputAndStaysHealthy(String mode, BadInput input) throws IOException {
        try (RunningServer server = start(mode, 0)) {
            try (HttpConnection client = HttpConnection.open(server.address())) {
                Http.Response response = client.exchange(input.request());

                assertEquals(input.status(), response.status(), response.body());
                if (input.mustClose()) {
                    assertTrue(response.announcesClose(), "the refusal must say it closes: " + response.headers());
                }
                if (response.announcesClose()) {
                    assertTrue(client.closedByServer(), "the server said Connection: close but kept the connection");
                } else {
                    assertEquals(200, client.exchange(HELLO).status(), "a connection kept open must still serve");
                }
            }
            assertServes(server.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void answers408AndClosesWhenARequestStalls(String mode) throws IOException {
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            client.send("GET /hello HTTP/1.1\r\nHost: te"); // and nothing more

            Http.Response response = client.readResponse(); // waits up to HttpConnection.READ_TIMEOUT_MILLIS

            assertEquals(408, response.status(), response.body());
            assertTrue(response.announcesClose(), response.headers().toString());
            assertTrue(client.closedByServer(), "a stalled connection must be closed after its 408");
            assertServes(server.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void closesIdleConnectionsWithoutAnswer(String mode) throws IOException {
        try (RunningServer server = start(mode, 0);
             HttpConnection used = HttpConnection.open(server.address());
             HttpConnection silent = HttpConnection.open(server.address())) {
            assertEquals(200, used.exchange(HELLO).status());

            // Between requests nothing is owed: the connection just ends, with no 408.
            assertTrue(used.closedByServer(), "an idle keep-alive connection must be closed");
            assertTrue(silent.closedByServer(), "a connection that never sent a byte must be closed");
            assertServes(server.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void clientsThatVanishHurtNoOne(String mode) throws IOException {
        try (RunningServer server = start(mode, 0); HttpConnection steady = HttpConnection.open(server.address())) {
            InetSocketAddress address = server.address();
            // In flight while the others misbehave, so it is not idle meanwhile.
            WorkloadRequest slow = io(6, 300);
            steady.send(get(slow.target()));

            HttpConnection halfRequest = HttpConnection.open(address);
            halfRequest.send("GET /hello HTTP/1.1\r\nHo").reset();

            HttpConnection awaitingAnswer = HttpConnection.open(address);
            awaitingAnswer.send(get(io(7, 100).target())).reset(); // the server will write to a dead socket

            HttpConnection halfBody = HttpConnection.open(address);
            halfBody.send("POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\nabc").close(); // FIN mid-body

            Http.Response response = steady.readResponse();
            assertEquals(200, response.status(), response.body());
            assertEquals(slow.expectedAnswer(), response.body());
            assertEquals(WorkloadRequest.HELLO_ANSWER, steady.exchange(HELLO).body());
            assertServes(address);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "poller"})
    void refusesToStartOnABusyPort(String mode) throws IOException {
        try (RunningServer first = start(mode, 0)) {
            int port = first.address().getPort();

            IOException refused = assertThrows(IOException.class, () -> {
                try (RunningServer second = start(mode, port)) {
                    second.address();
                }
            });

            String message = refused.getMessage();
            assertTrue(message.contains(":" + port), "the message must name the port: " + message);
            assertTrue(message.contains("already in use"), message);
            assertServes(first.address());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "virtual", "offload", "poller"})
    void failedStartLeaksNoFileDescriptors(String mode) throws IOException {
        File openDescriptors = new File("/proc/self/fd");
        assumeTrue(openDescriptors.isDirectory(), "counts open descriptors through /proc/self/fd (Linux only)");
        int failedStarts = 40;
        try (RunningServer first = start(mode, 0)) {
            int port = first.address().getPort();
            failToStart(mode, port, 3); // first: classes load, files that open lazily open
            int before = openDescriptors.list().length;

            failToStart(mode, port, failedStarts);

            int grown = openDescriptors.list().length - before;
            // A leak of one descriptor per failed start would add failedStarts; leave room for unrelated noise.
            assertTrue(grown < failedStarts / 2,
                    failedStarts + " failed starts left " + grown + " more open file descriptors");
        }
    }

    private static void failToStart(String mode, int busyPort, int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(IOException.class, () -> {
                try (RunningServer second = start(mode, busyPort)) {
                    second.address();
                }
            });
        }
    }

    private static void assertPipelined(String mode, List<WorkloadRequest> works) throws IOException {
        StringBuilder all = new StringBuilder();
        works.forEach(work -> all.append(get(work.target())));
        try (RunningServer server = start(mode, 0); HttpConnection client = HttpConnection.open(server.address())) {
            client.send(all.toString()); // one write: the server sees them together

            for (WorkloadRequest work : works) {
                Http.Response response = client.readResponse();
                assertEquals(200, response.status(), response.body());
                assertEquals(work.expectedAnswer(), response.body(), "answers out of order or wrong");
                assertFalse(response.announcesClose());
            }
        }
    }

    /** A fresh connection still gets a correct answer: the server was not harmed. */
    private static void assertServes(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            Http.Response response = client.exchange(HELLO);
            assertEquals(200, response.status(), response.body());
            assertEquals(WorkloadRequest.HELLO_ANSWER, response.body());
        }
    }

    private static RunningServer start(String mode, int port) throws IOException {
        return RunningServer.start(ServerOptions.parse(Map.of(
                "mode", mode,
                "port", Integer.toString(port),
                "idleTimeoutMillis", Integer.toString(IDLE_TIMEOUT_MILLIS),
                "maxHeaderBytes", Integer.toString(MAX_HEADER_BYTES),
                "maxBodyBytes", Integer.toString(MAX_BODY_BYTES))), 0, System.out);
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    private static WorkloadRequest hello() {
        return new WorkloadRequest(Workload.HELLO, 0, 0, 0, 0);
    }

    private static WorkloadRequest cpu(long seed, int iterations) {
        return new WorkloadRequest(Workload.CPU, seed, iterations, 0, 0);
    }

    private static WorkloadRequest io(long token, int delayMillis) {
        return new WorkloadRequest(Workload.IO, 0, 0, token, delayMillis);
    }

    /** Live platform threads a server or its backend started (virtual threads are not listed, nor need to be). */
    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("corelab-"))
                .sorted()
                .toList();
    }
}
