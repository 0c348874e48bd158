package corelab.modes.threads;

import corelab.modes.server.WorkloadHandler;
import corelab.modes.http.EventLoop;
import corelab.workloads.BackendProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the backend without ever blocking the event loop: the request is written, the
 * loop goes back to serving other connections, and the answer completes a future when
 * the backend's bytes arrive. This is how Node.js waits on I/O, and why one thread can
 * keep thousands of {@code io} requests in flight.
 *
 * <p>Everything here runs on the loop thread; connections are reused from an idle pool.
 */
public final class LoopBackendClient implements WorkloadHandler.BackendWait {
    private final EventLoop loop;
    private final InetSocketAddress backend;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();

    public LoopBackendClient(EventLoop loop, InetSocketAddress backend) {
        this.loop = loop;
        this.backend = backend;
    }

    @Override
    public CompletableFuture<Void> call(int delayMillis, long token) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        if (loop.inLoop()) {
            start(delayMillis, token, answered);
        } else {
            loop.execute(() -> start(delayMillis, token, answered)); // e.g. after offloaded CPU work
        }
        return answered;
    }

    private void start(int delayMillis, long token, CompletableFuture<Void> answered) {
        try {
            Connection connection = idle.pollFirst();
            if (connection == null) {
                connection = new Connection();
            }
            connection.send(BackendProtocol.request(delayMillis, token), token, answered);
        } catch (IOException e) {
            answered.completeExceptionally(new IOException("cannot reach the io backend at " + backend + ": " + e.getMessage(), e));
        }
    }

    private final class Connection implements EventLoop.Ready {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final ByteBuffer in = ByteBuffer.allocate(BackendProtocol.MAX_LINE_BYTES);
        private ByteBuffer out;
        private long token;
        private CompletableFuture<Void> answered;
        private boolean connected;

        Connection() throws IOException {
            channel = SocketChannel.open();
            try {
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
                connected = channel.connect(backend);
                key = loop.register(channel, connected ? 0 : SelectionKey.OP_CONNECT, this);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        void send(byte[] request, long token, CompletableFuture<Void> answered) throws IOException {
            this.out = ByteBuffer.wrap(request);
            this.token = token;
            this.answered = answered;
            if (connected) {
                write();
            }
        }

        @Override
        public void onReady(SelectionKey key) throws IOException {
            if (key.isConnectable()) {
                channel.finishConnect();
                connected = true;
                write();
            } else if (key.isWritable()) {
                write();
            } else if (key.isReadable()) {
                read();
            }
        }

        private void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the backend closed the connection");
            }
            for (int i = 0; i < in.position(); i++) {
                if (in.get(i) == '\n') {
                    String line = new String(in.array(), 0, i, StandardCharsets.US_ASCII);
                    in.clear();
                    key.interestOps(0);
                    CompletableFuture<Void> done = answered;
                    answered = null;
                    try {
                        BackendProtocol.checkResponse(line, token);
                    } catch (IllegalStateException e) {
                        done.completeExceptionally(e);
                        close();
                        return;
                    }
                    // Back in the pool before the caller continues, so it can be reused at once.
                    idle.addFirst(this);
                    done.complete(null);
                    return;
                }
            }
            if (!in.hasRemaining()) {
                throw new IOException("backend line longer than " + BackendProtocol.MAX_LINE_BYTES + " bytes");
            }
        }

        @Override
        public void close() {
            idle.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (answered != null) {
                answered.completeExceptionally(new IOException("the backend connection broke"));
                answered = null;
            }
        }
    }
}
