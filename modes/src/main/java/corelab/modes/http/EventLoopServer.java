package corelab.modes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The non-blocking transport: one {@link EventLoop} thread accepts, reads, parses and
 * writes for every connection. The handler runs on the loop too; whether the work it
 * starts runs there as well ({@code single}) or is handed to other threads
 * ({@code offload}) is the handler's business.
 */
public final class EventLoopServer implements AutoCloseable {
    private static final int ACCEPTS_PER_EVENT = 64;

    private final EventLoop loop;
    private final Handler handler;
    private final HttpLimits limits;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    /** Touched only on the loop thread. */
    private final Set<LoopConnection> connections = new HashSet<>();

    /** Listens at once; serving starts when {@code loop} is started. */
    public EventLoopServer(ServerSocketConfig config, EventLoop loop, Handler handler) throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.limits = config.limits();
        try {
            this.listener = config.open();
        } catch (IOException | RuntimeException e) {
            loop.close(); // the loop is this server's to close (see close()), and no one else will now
            throw e;
        }
        this.address = (InetSocketAddress) listener.getLocalAddress();
        loop.register(listener, SelectionKey.OP_ACCEPT, new EventLoop.Ready() {
            @Override
            public void onReady(SelectionKey key) throws IOException {
                accept();
            }

            @Override
            public void close() {
                // The loop closes the listener itself.
            }
        });
        loop.everyTick(this::closeIdleConnections);
    }

    public InetSocketAddress address() {
        return address;
    }

    private void accept() throws IOException {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            SocketChannel channel = listener.accept();
            if (channel == null) {
                return;
            }
            try {
                channel.socket().setTcpNoDelay(true);
                LoopConnection connection = new LoopConnection(this, channel);
                connection.key = loop.register(channel, SelectionKey.OP_READ, connection);
                connections.add(connection);
            } catch (IOException e) {
                channel.close();
            }
        }
    }

    private void closeIdleConnections() {
        long now = System.nanoTime();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(limits.idleTimeoutMillis());
        for (LoopConnection connection : new ArrayList<>(connections)) {
            connection.closeIfIdle(now, idleNanos);
        }
    }

    EventLoop loop() {
        return loop;
    }

    Handler handler() {
        return handler;
    }

    HttpLimits limits() {
        return limits;
    }

    void forget(LoopConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void close() {
        loop.close();
    }
}
