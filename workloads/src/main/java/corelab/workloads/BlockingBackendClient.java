package corelab.workloads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Calls the backend with plain blocking code: the calling thread waits in {@code read}
 * until the answer comes. That is the thread modes' natural way of waiting; on a
 * virtual thread the wait unmounts it from its carrier, on a platform thread it holds
 * the thread for the whole delay.
 *
 * <p>Connections are reused through a small pool: opening one per call would spend
 * ephemeral ports faster than the kernel frees them under sustained load.
 */
public final class BlockingBackendClient implements AutoCloseable {
    private final InetSocketAddress backend;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public BlockingBackendClient(InetSocketAddress backend) {
        this.backend = backend;
    }

    /** Asks the backend to wait {@code delayMillis} and echo {@code token}; returns once it has. */
    public void call(int delayMillis, long token) throws IOException {
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = new Connection(backend);
        }
        try {
            connection.out.write(BackendProtocol.request(delayMillis, token));
            connection.out.flush();
            String line = Backend.readLine(connection.in);
            if (line == null) {
                throw new IOException("the backend closed the connection");
            }
            BackendProtocol.checkResponse(line, token);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (closed) {
            connection.close();
        } else {
            idle.offerFirst(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(address, 5000);
                in = new BufferedInputStream(socket.getInputStream(), 256);
                out = socket.getOutputStream();
            } catch (IOException e) {
                socket.close();
                throw new IOException("cannot reach the io backend at " + address + ": " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
