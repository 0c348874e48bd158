package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.MAX_BODY_BYTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What every answer carries ({@code Date}, RFC 9110 6.6.1), and how an error answer is
 * delivered when the client is still sending: shut down output, drain, then close (nginx's
 * lingering close), so the client reads the answer rather than a reset.
 */
class ResponseConformanceTest {
    /** What a client sends after a 413 to see whether the server stops draining: far more than 64 KB. */
    static final long DRAIN_PROBE_BYTES = 64L * 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @FieldSource(ConformanceServer.IN_PROCESS_MODES_SOURCE)
    void everyAnswerCarriesADate(String mode) throws IOException {
        ConformanceServer.against(mode, ResponseConformanceTest::datesOnEveryAnswer);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource(ConformanceServer.IN_PROCESS_MODES_SOURCE)
    void deliversTheErrorToAClientStillSending(String mode) throws IOException {
        ConformanceServer.against(mode, ResponseConformanceTest::errorReadWholeThenClosed);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource(ConformanceServer.IN_PROCESS_MODES_SOURCE)
    void lingersForABoundedNumberOfBytes(String mode) throws IOException {
        ConformanceServer.against(mode, ResponseConformanceTest::lingersBoundedly);
    }

    /** Also run against a cluster behind each front by FrontConformance. */
    static void datesOnEveryAnswer(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            for (String target : List.of("/hello", "/nope", "/cpu?seed=x")) {
                Http.Response response = client.exchange("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
                ConformanceServer.checkEveryAnswer(response);
            }
        }
    }

    /** Also run against a cluster behind each front by FrontConformance (not nginx: see NginxConformanceTest). */
    static void lingersBoundedly(InetSocketAddress address) throws IOException {
        // The server drains what comes next, but only so much: then it closes, and a client
        // that goes on sending gets a reset. One that drained forever would take all of this.
        assertNotNull(sendAfterAnError(address), "the server drained " + DRAIN_PROBE_BYTES + " bytes after its error answer");
    }

    /** Sends up to DRAIN_PROBE_BYTES after a 413; returns what stopped the client, or null if nothing did. */
    static IOException sendAfterAnError(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            Http.Response response = client.exchange("GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: "
                    + (MAX_BODY_BYTES + 1) + "\r\n\r\n");
            assertEquals(413, response.status());
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < DRAIN_PROBE_BYTES; sent += chunk.length) {
                try {
                    client.send(chunk);
                } catch (IOException e) {
                    return e;
                }
            }
            return null;
        }
    }

    /** Also run against a cluster behind each front by FrontConformance. */
    static void errorReadWholeThenClosed(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            // 20 KB of body behind a head the server refuses: closing at once with them unread would
            // make the kernel reset the connection, and a reset can destroy the answer on its way.
            String body = "x".repeat(20 * 1024);
            client.send("GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

            Http.Response response = client.readResponse();

            assertEquals(413, response.status(), response.body());
            assertTrue(response.announcesClose(), response.headers().toString());
            assertTrue(client.closedWithoutReset(), "closed with the client's bytes unread: a reset, not a FIN");
        }
    }
}
