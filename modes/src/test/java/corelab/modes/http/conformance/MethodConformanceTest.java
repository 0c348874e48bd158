package corelab.modes.http.conformance;

import static corelab.modes.http.conformance.ConformanceServer.HELLO;
import static corelab.modes.http.conformance.ConformanceServer.keeps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.modes.http.conformance.ConformanceServer.Case;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * RFC 9110 9: GET served, HEAD as GET without the body (9.3.2), the other methods the RFC
 * defines refused with 405 and {@code Allow}, unknown ones with 501 (9.1). Each refusal comes
 * after the request was read whole, so the connection serves on.
 */
class MethodConformanceTest extends CaseConformance {
    @Override
    List<Case> cases() {
        return List.of(
                keeps("POST with a body", "POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc", 405),
                keeps("PUT", "PUT /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n", 405),
                keeps("DELETE", "DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n", 405),
                keeps("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n", 405),
                keeps("OPTIONS", "OPTIONS /hello HTTP/1.1\r\nHost: t\r\n\r\n", 405),
                keeps("TRACE", "TRACE /hello HTTP/1.1\r\nHost: t\r\n\r\n", 405),
                keeps("PATCH", "PATCH /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}", 405),
                keeps("CONNECT", "CONNECT t:443 HTTP/1.1\r\nHost: t:443\r\n\r\n", 405),
                keeps("unknown method", "BREW /hello HTTP/1.1\r\nHost: t\r\n\r\n", 501),
                keeps("lower-case get is another method", "get /hello HTTP/1.1\r\nHost: t\r\n\r\n", 501));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource(ConformanceServer.IN_PROCESS_MODES_SOURCE)
    void answersHeadAsGetWithoutTheBody(String mode) throws IOException {
        ConformanceServer.against(mode, MethodConformanceTest::headAsGet);
    }

    /** Also run against a cluster behind each front by FrontConformance. */
    static void headAsGet(InetSocketAddress address) throws IOException {
        try (HttpConnection client = HttpConnection.open(address)) {
            // Pipelined: if the HEAD answer carried a body, the GET answer would be read from the middle of it.
            client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n" + HELLO);

            Http.Response head = client.readResponseHead();
            Http.Response get = client.readResponse();

            assertEquals(200, head.status());
            ConformanceServer.checkEveryAnswer(head);
            String getLength = Integer.toString(WorkloadRequest.HELLO_ANSWER.getBytes(StandardCharsets.UTF_8).length);
            assertEquals(getLength, head.header("content-length"), "HEAD announces the GET body's length");
            assertEquals(head.header("content-type"), get.header("content-type"));
            assertEquals(200, get.status());
            assertEquals(WorkloadRequest.HELLO_ANSWER, get.body(), "the connection is in step after the HEAD");
        }
    }
}
