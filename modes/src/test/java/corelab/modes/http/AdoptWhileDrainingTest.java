package corelab.modes.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.testkit.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Under {@code balance=rr} a worker tells the primary that it took a connection, then hands it
 * to its event loop; a drain (a rolling reload) may begin in between. The connection must then
 * be served, once, with {@code Connection: close}: no one else will serve it, and closing it
 * would reset a client that did nothing wrong (a rolling reload once lost a request so).
 */
class AdoptWhileDrainingTest {
    private static final String HOLD = "/hold";

    @Test
    void aConnectionAdoptedAfterTheDrainBeganIsAnsweredAndClosed() throws Exception {
        CompletableFuture<HttpResponse> held = new CompletableFuture<>();
        CompletableFuture<Void> holding = new CompletableFuture<>();
        EventLoop loop = new EventLoop("corelab-test-loop");
        EventLoopServer server = new EventLoopServer(new ServerSocketConfig("127.0.0.1", 0, false, HttpLimits.DEFAULTS),
                loop, request -> {
                    if (request.path().equals(HOLD)) {
                        holding.complete(null);
                        return held;
                    }
                    return CompletableFuture.completedFuture(HttpResponse.text(200, "adopted"));
                });
        loop.start();
        Thread drainer = null;
        try (Socket holder = new Socket(); ServerSocketChannel elsewhere = ServerSocketChannel.open()) {
            // A request in service keeps the drain from completing while the test adopts.
            holder.connect(server.address());
            holder.getOutputStream().write(request(HOLD));
            holding.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            drainer = Thread.ofPlatform().start(() -> server.disconnect(Duration.ofSeconds(60)));
            Eventually.assertWithin(Eventually.PATIENCE, server::draining, () -> "the drain began");

            // A connection accepted elsewhere (as the primary does), its request already sent.
            elsewhere.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel client = SocketChannel.open(elsewhere.getLocalAddress())) {
                SocketChannel accepted = elsewhere.accept();
                client.write(ByteBuffer.wrap(request("/x")));
                server.adopt(accepted);

                String answer = readToEnd(client.socket().getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.toLowerCase().contains("connection: close"), answer);
                assertTrue(answer.endsWith("adopted"), answer);
            }
        } finally {
            held.complete(HttpResponse.text(200, "held"));
            if (drainer != null) {
                drainer.join();
            }
            server.close();
        }
    }

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: corelab\r\n\r\n").getBytes(US_ASCII);
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes); // a reset would throw here; the close after the answer ends it
        return bytes.toString(US_ASCII);
    }
}
