package corelab.modes.http.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.Balance;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the conformance tests share: a server of any mode with small limits, the checks every
 * answer must pass, and one exchange case run the same way against each mode.
 */
final class ConformanceServer {
    /** The modes that run inside the test JVM; the cluster's workers run the same core (see FrontConformance). */
    static final List<String> IN_PROCESS_MODES = List.of("single", "platform", "virtual", "offload", "poller");
    /** For {@code @FieldSource}: each test that takes a mode runs once per in-process mode. */
    static final String IN_PROCESS_MODES_SOURCE = "corelab.modes.http.conformance.ConformanceServer#IN_PROCESS_MODES";
    static final int MAX_HEADER_BYTES = 1024;
    static final int MAX_BODY_BYTES = 1000;
    static final int FRONT_HEADER_TIMEOUT_MILLIS = 2000;
    static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";
    private static final String IMF_FIXDATE = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    private ConformanceServer() {
    }

    static RunningServer start(String mode) throws IOException {
        return start(mode, Map.of());
    }

    /** A cluster of two {@code single} workers behind {@code balance}, with the same small limits. */
    static RunningServer startCluster(Balance balance) throws IOException {
        // A short header deadline: a front that waits for the rest of a head (nginx) gives up
        // well within the client's read timeout, and the case sees that it closes.
        return start("cluster", Map.of("workers", "2", "balance", balance.word(),
                "headerTimeoutMillis", Integer.toString(FRONT_HEADER_TIMEOUT_MILLIS)));
    }

    private static RunningServer start(String mode, Map<String, String> more) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of(
                "mode", mode,
                "port", "0",
                "idleTimeoutMillis", "5000",
                "maxHeaderBytes", Integer.toString(MAX_HEADER_BYTES),
                "maxBodyBytes", Integer.toString(MAX_BODY_BYTES)));
        options.putAll(more);
        return RunningServer.start(ServerOptions.parse(options), 0, System.out);
    }

    /** A case's status when the server is to close the connection without answering. */
    static final int NO_ANSWER = 0;

    /**
     * One request and the answer the RFC asks for; {@code closes}: the server must say
     * {@code Connection: close} and close; otherwise the connection must serve on. A 405 must
     * carry {@code Allow: GET, HEAD} if {@code allows}. Status {@link #NO_ANSWER}: the server
     * closes without a byte of answer.
     */
    record Case(String name, String request, int status, boolean closes, boolean allows) {
        @Override
        public String toString() {
            return name + " -> " + (status == NO_ANSWER ? "no answer" : status);
        }
    }

    static Case keeps(String name, String request, int status) {
        return new Case(name, request, status, false, true);
    }

    static Case closes(String name, String request, int status) {
        return new Case(name, request, status, true, true);
    }

    /** Sends the case's bytes on a fresh connection and checks status, headers and framing. */
    static void check(InetSocketAddress address, Case c) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            if (c.status() == NO_ANSWER) {
                client.send(c.request());
                assertTrue(client.closedByServer(), "kept the connection open, without an answer");
                return;
            }
            Http.Response response = client.exchange(c.request());

            assertEquals(c.status(), response.status(), response.body());
            checkEveryAnswer(response, c.allows());
            if (c.closes()) {
                assertTrue(response.announcesClose(), "the answer must say it closes: " + response.headers());
                assertTrue(client.closedByServer(), "said Connection: close but kept the connection");
            } else {
                assertTrue(!response.announcesClose(), "closed a connection that is still in step: " + response.headers());
                Http.Response next = client.exchange(HELLO);
                assertEquals(200, next.status(), "the connection must serve on after " + c.name());
                assertEquals(WorkloadRequest.HELLO_ANSWER, next.body());
            }
        }
    }

    /** What RFC 9110 asks of every answer here: a Date (6.6.1), and Allow on a 405 (15.5.6). */
    static void checkEveryAnswer(Http.Response response) {
        checkEveryAnswer(response, true);
    }

    private static void checkEveryAnswer(Http.Response response, boolean allows) {
        String date = response.header("date");
        assertNotNull(date, "no Date header: " + response.headers());
        assertTrue(date.matches(IMF_FIXDATE), "Date is not an IMF-fixdate: " + date);
        if (response.status() == 405 && allows) {
            assertEquals("GET, HEAD", response.header("allow"));
        }
    }

    /** Runs {@code test} against a fresh server of {@code mode}. */
    static void against(String mode, ThrowingConsumer test) throws IOException {
        try (RunningServer server = start(mode)) {
            test.accept(server.address());
        }
    }

    @FunctionalInterface
    interface ThrowingConsumer {
        void accept(InetSocketAddress address) throws IOException;
    }
}
