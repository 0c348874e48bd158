package corelab.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP GET over a real socket, on a connection of its own, read strictly: the status
 * line, the headers and a body of exactly {@code Content-Length} bytes. For exact bytes
 * (half a request, pipelining, a reset) open an {@link HttpConnection} instead.
 */
public final class Http {
    /** Generous: a test's request may be a second of CPU work on a loaded machine. */
    static final Duration GET_READ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One response as read off the wire; header names lower-cased.
     *
     * @param statusLine the first line as sent, for instance {@code HTTP/1.1 200 OK}
     */
    public record Response(String statusLine, int status, Map<String, String> headers, String body) {
        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }

        public boolean announcesClose() {
            return "close".equalsIgnoreCase(header("connection"));
        }
    }

    private Http() {
    }

    /**
     * {@code GET target} with {@code Connection: close}, and its response. Any HTTP/1.x server
     * will do (Python's http.server answers in HTTP/1.0). A connection that ends before a
     * whole response, or a malformed one, throws.
     */
    public static Response get(InetSocketAddress address, String target) throws IOException {
        try (HttpConnection connection = new HttpConnection(address, GET_READ_TIMEOUT, false)) {
            return connection.exchange("GET " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        }
    }
}
