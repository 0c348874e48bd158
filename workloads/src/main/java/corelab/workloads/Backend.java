package corelab.workloads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The downstream service that the {@code io} workload waits on: it answers each request
 * after the delay the request asks for, like a database or another service would.
 *
 * <p>It uses one virtual thread per connection, so that thousands of requests can wait
 * at once without thousands of platform threads: the backend must never be what limits
 * the server under test.
 */
public final class Backend implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private Backend(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.acceptor = Thread.ofPlatform().name("corelab-backend-accept").daemon(true).start(this::acceptLoop);
    }

    /** Starts a backend on {@code host}, on {@code port} or on any free port when it is 0. */
    public static Backend start(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 4096);
        } catch (IOException e) {
            socket.close();
            throw new IOException("the io backend cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new Backend(socket);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = readLine(in)) != null) {
                long[] request = BackendProtocol.parseRequest(line);
                Thread.sleep(request[0]);
                out.write(BackendProtocol.response(request[1]));
                out.flush();
            }
        } catch (IOException | IllegalArgumentException | InterruptedException e) {
            // A broken or malformed connection ends only itself.
        } finally {
            open.remove(socket);
        }
    }

    /** Reads one line without its newline; null at a clean end of stream. */
    static String readLine(InputStream in) throws IOException {
        byte[] line = new byte[BackendProtocol.MAX_LINE_BYTES];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new SocketException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                return new String(line, 0, length, StandardCharsets.US_ASCII);
            }
            if (length == line.length) {
                throw new IOException("line longer than " + BackendProtocol.MAX_LINE_BYTES + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
