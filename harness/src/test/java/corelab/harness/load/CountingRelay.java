package corelab.harness.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A test relay in front of a real server that counts the connections clients open through it. */
final class CountingRelay implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final InetSocketAddress upstream;
    private final AtomicInteger accepted = new AtomicInteger();

    CountingRelay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("counting-relay").start(this::acceptAll);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(upstream.getAddress(), upstream.getPort())) {
            Thread up = Thread.ofVirtual().start(() -> copy(client, server));
            copy(server, client);
            up.join();
        } catch (IOException | InterruptedException ignored) {
            // one side went away: this connection is over
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
