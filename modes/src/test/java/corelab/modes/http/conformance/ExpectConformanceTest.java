package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.MAX_BODY_BYTES;
import static corelab.modes.http.conformance.ConformanceServer.closes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.http.conformance.ConformanceServer.Case;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * RFC 9110 10.1.1: a client that sends {@code Expect: 100-continue} waits for
 * {@code 100 Continue} before its body; a body over the limit is refused (413) without it,
 * and any other expectation gets 417.
 */
class ExpectConformanceTest extends CaseConformance {
    @Override
    List<Case> cases() {
        return List.of(
                closes("100-continue with a body over the limit", "GET /hello HTTP/1.1\r\nHost: t\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + (MAX_BODY_BYTES + 1) + "\r\n\r\n", 413),
                closes("another expectation", "GET /hello HTTP/1.1\r\nHost: t\r\nExpect: 200-ok\r\n\r\n", 417));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource(ConformanceServer.IN_PROCESS_MODES_SOURCE)
    void sendsContinueWhenTheBodyFits(String mode) throws IOException {
        ConformanceServer.against(mode, ExpectConformanceTest::continueThenAnswer);
    }

    /** Also run against a cluster behind each front by FrontConformance. */
    static void continueThenAnswer(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            client.send("GET /hello HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");

            Http.Response interim = client.readResponseHead(); // a client that waits, waits for this
            assertEquals(100, interim.status(), interim.statusLine());

            Http.Response answer = client.send("12345").readResponse();
            assertEquals(200, answer.status(), answer.body());
            assertEquals(WorkloadRequest.HELLO_ANSWER, answer.body());
            assertTrue(!answer.announcesClose(), answer.headers().toString());
            assertEquals(200, client.exchange(ConformanceServer.HELLO).status(), "in step after the body");
        }
    }
}
