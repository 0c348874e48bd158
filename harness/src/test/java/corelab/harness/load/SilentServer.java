package corelab.harness.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test server that accepts connections and reads every request, but never answers one. */
final class SilentServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon(true).name("silent-server").start(this::acceptAll);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    int accepted() {
        return accepted.size();
    }

    private void acceptAll() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                accepted.add(socket);
                Thread.ofPlatform().daemon(true).name("silent-reader").start(() -> readAll(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void readAll(Socket socket) {
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // read and forget: the client must time out
            }
        } catch (IOException ignored) {
            // the client or the test closed the socket
        }
    }

    @Override
    public void close() throws IOException {
        LoadTesting.closeServer(serverSocket, accepted, acceptor);
    }
}
