package corelab.harness.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test server, a thread per connection, that answers every request with {@link #BODY} at once,
 * except on the connections it was told to hold: there each answer waits {@code holdMillis} first.
 * Connections are numbered in the order they are accepted, from 0; the load generator opens its
 * connections one after another, so the numbers are the generator's.
 */
final class HoldingServer implements AutoCloseable {
    static final String BODY = "ok\n";
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket serverSocket;
    private final Set<Integer> held;
    private final long holdMillis;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HoldingServer(Set<Integer> held, long holdMillis) throws IOException {
        this.held = Set.copyOf(held);
        this.holdMillis = holdMillis;
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon(true).name("holding-server").start(this::acceptAll);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    private void acceptAll() {
        for (int number = 0; !serverSocket.isClosed(); number++) {
            try {
                Socket socket = serverSocket.accept();
                accepted.add(socket);
                long hold = held.contains(number) ? holdMillis : 0;
                Thread.ofPlatform().daemon(true).name("holding-server-" + number).start(() -> serve(socket, hold));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers each request (its head ends with an empty line; the generator sends no body) after {@code hold}. */
    private static void serve(Socket socket, long holdMillis) {
        try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int matched = 0; // how much of "\r\n\r\n" the bytes read so far end with
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    matched = 0;
                    if (holdMillis > 0) {
                        Thread.sleep(holdMillis);
                    }
                    out.write(ANSWER);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the client or the test closed the socket
        }
    }

    @Override
    public void close() throws IOException {
        LoadTesting.closeServer(serverSocket, accepted, acceptor);
    }
}
