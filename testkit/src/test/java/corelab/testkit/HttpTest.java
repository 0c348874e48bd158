package corelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The client against a server of a few lines that gives one canned answer per connection. */
class HttpTest {
    private static final String OK_11 = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello\n";
    private static final String OK_10 = "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6\r\nContent-Length: 3\r\n\r\nhi\n";

    @Test
    void getReadsStatusHeadersAndBodyAndSendsTheRequestLine() throws Exception {
        try (CannedServer server = new CannedServer(OK_11)) {
            Http.Response response = Http.get(server.address(), "/cpu?seed=1");
            assertEquals("HTTP/1.1 200 OK", response.statusLine());
            assertEquals(200, response.status());
            assertEquals("hello\n", response.body());
            assertTrue(response.announcesClose());
            assertTrue(server.request().startsWith("GET /cpu?seed=1 HTTP/1.1\r\n"), server.request());
        }
    }

    @Test
    void getTakesAnHttp10AnswerButAConnectionToCorelabDoesNot() throws Exception {
        try (CannedServer server = new CannedServer(OK_10)) {
            assertEquals(200, Http.get(server.address(), "/").status());
        }
        try (CannedServer server = new CannedServer(OK_10);
             HttpConnection connection = HttpConnection.open(server.address())) {
            IOException e = assertThrows(IOException.class, () -> connection.exchange("GET / HTTP/1.1\r\n\r\n"));
            assertEquals("malformed status line 'HTTP/1.0 200 OK'", e.getMessage());
        }
    }

    @Test
    void anAnswerWithoutContentLengthOrCutShortThrows() throws Exception {
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\n\r\nhello\n")) {
            assertThrows(IOException.class, () -> Http.get(server.address(), "/"));
        }
        try (CannedServer server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello\n")) {
            assertThrows(EOFException.class, () -> Http.get(server.address(), "/"));
        }
        try (CannedServer server = new CannedServer("")) {
            assertThrows(EOFException.class, () -> Http.get(server.address(), "/"));
        }
    }

    @Test
    void aConnectionSeesTheServerClose() throws Exception {
        try (CannedServer server = new CannedServer(OK_11);
             HttpConnection connection = HttpConnection.open(server.address())) {
            assertEquals("hello\n", connection.exchange("GET / HTTP/1.1\r\n\r\n").body());
            assertTrue(connection.closedByServer());
        }
    }

    /** Accepts one connection, reads its request head, writes {@code answer} and closes. */
    private static final class CannedServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<String> request = new CompletableFuture<>();

        CannedServer(String answer) throws IOException {
            Thread.ofPlatform().daemon(true).start(() -> {
                try (Socket client = socket.accept()) {
                    request.complete(readHead(client.getInputStream()));
                    client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    request.completeExceptionally(e);
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }

        String request() throws Exception {
            return request.get();
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
