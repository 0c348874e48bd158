package corelab.modes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The non-blocking transport: one {@link EventLoop} thread accepts, reads, parses and
 * writes for every connection. The handler runs on the loop too; whether the work it
 * starts runs there as well ({@code single}) or is handed to other threads
 * ({@code offload}) is the handler's business. Built with {@link #perRequest}, the loop is
 * a poller instead: it holds the connections, and threads of a pool serve their requests.
 */
public final class EventLoopServer implements Transport {
    private static final int ACCEPTS_PER_EVENT = 64;
    /**
     * While disconnecting, a connection idle this long is closed. Not at once: a keep-alive
     * client that just got its answer is about to send its next request, and closing under
     * it would fail that request. Waiting lets it send, and that request is answered with
     * {@code Connection: close}.
     */
    static final long DRAIN_IDLE_MILLIS = 500;

    private final EventLoop loop;
    private final Handler handler;
    private final HttpLimits limits;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final SelectionKey listenerKey;
    /** Touched only on the loop thread. */
    private final Set<ServedConnection> connections = new HashSet<>();
    /** What a newly accepted connection becomes: served by the loop, or by a thread per request. */
    private final BiFunction<EventLoopServer, SocketChannel, ServedConnection> newConnection;
    private final AcceptBackoff backoff = new AcceptBackoff();
    /** When accepting resumes after a failed accept; 0: not paused. Loop thread only. */
    private long acceptPausedUntilNanos;
    private final AtomicLong refusedConnections = new AtomicLong();
    /**
     * Set on the loop thread by {@link #disconnect}; completes once no connection is left.
     * Volatile: a request thread of {@link #perRequest} reads it too.
     */
    private volatile CompletableFuture<Void> drained;
    /** Set by {@link #disconnect} on the caller's thread, before the loop stops accepting. */
    private volatile boolean stoppedAccepting;

    /** Listens at once; serving starts when {@code loop} is started. */
    public EventLoopServer(ServerSocketConfig config, EventLoop loop, Handler handler) throws IOException {
        this(config, loop, handler, LoopConnection::new);
    }

    /**
     * Thread-per-request behind a poller, Tomcat's NIO connector: {@code loop} only accepts
     * and holds the connections; a readable one is handed to {@code requestThreads} for one
     * request (see {@link PolledConnection}). Listens at once; serving starts when {@code loop}
     * is started.
     */
    public static EventLoopServer perRequest(ServerSocketConfig config, EventLoop loop, Handler handler,
                                             Executor requestThreads) throws IOException {
        return new EventLoopServer(config, loop, handler,
                (server, channel) -> new PolledConnection(server, channel, requestThreads));
    }

    private EventLoopServer(ServerSocketConfig config, EventLoop loop, Handler handler,
                            BiFunction<EventLoopServer, SocketChannel, ServedConnection> newConnection)
            throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.newConnection = newConnection;
        this.limits = config.limits();
        try {
            this.listener = config.open();
        } catch (IOException | RuntimeException e) {
            loop.close(); // the loop is this server's to close (see close()), and no one else will now
            throw e;
        }
        this.address = (InetSocketAddress) listener.getLocalAddress();
        listenerKey = loop.register(listener, SelectionKey.OP_ACCEPT, new EventLoop.Ready() {
            @Override
            public void onReady(SelectionKey key) throws IOException {
                accept(ACCEPTS_PER_EVENT);
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

    /** Accepts up to {@code max} queued connections; true if that emptied the queue. */
    private boolean accept(int max) throws IOException {
        for (int i = 0; i < max; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                pauseAccepting(e);
                return false;
            }
            if (channel == null) {
                return true;
            }
            backoff.succeeded();
            admit(channel);
        }
        return false;
    }

    /** A connection this loop accepted, or one another process accepted ({@link #adopt}); loop thread only. */
    private void admit(SocketChannel channel) throws IOException {
        if (connections.size() >= limits.maxConnections()) {
            refusedConnections.incrementAndGet();
            channel.close();
            return;
        }
        try {
            channel.socket().setTcpNoDelay(true);
            ServedConnection connection = newConnection.apply(this, channel);
            connection.attach(loop.register(channel, SelectionKey.OP_READ, connection));
            connections.add(connection);
        } catch (IOException e) {
            channel.close();
        }
    }

    /**
     * Serves a connection accepted by another process (a cluster primary under
     * {@code balance=rr}): it reaches the loop through its task queue, which wakes the selector.
     * It is served even if a drain began meanwhile: the worker has told the primary that it took
     * the connection, so no one else will serve it, and closing it would reset a client that
     * did nothing wrong; a draining server answers it once, with {@code Connection: close}. Only
     * a loop whose drain is complete, about to close, can no longer serve it.
     */
    public void adopt(SocketChannel channel) {
        loop.execute(() -> {
            try {
                if (drained != null && drained.isDone()) {
                    channel.close();
                } else {
                    admit(channel);
                }
            } catch (IOException ignored) {
                // the client left
            }
        });
    }

    /** False once {@link #disconnect} began. */
    public boolean accepting() {
        return !stoppedAccepting;
    }

    /**
     * Stops listening for a while (see {@link AcceptBackoff}): a listener that stays ready
     * while accept fails would have the loop retry it on every turn, at full speed.
     */
    private void pauseAccepting(IOException error) {
        long pauseMillis = backoff.failed("the event loop", error);
        acceptPausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
        if (listenerKey.isValid()) {
            listenerKey.interestOps(0);
        }
    }

    /** Listens again once a pause is over; runs with the tick, so a pause lasts at least one. */
    private void resumeAccepting(long now) {
        if (acceptPausedUntilNanos != 0 && now - acceptPausedUntilNanos >= 0) {
            acceptPausedUntilNanos = 0;
            if (listenerKey.isValid()) {
                listenerKey.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    /** Connections closed at once because {@code maxConnections} were open. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    private void closeIdleConnections() {
        long now = System.nanoTime();
        resumeAccepting(now);
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(draining()
                ? Math.min(DRAIN_IDLE_MILLIS, limits.idleTimeoutMillis()) : limits.idleTimeoutMillis());
        for (ServedConnection connection : new ArrayList<>(connections)) {
            connection.closeIfOverdue(now, idleNanos);
        }
        completeIfDrained();
    }

    /**
     * Node.js's {@code server.close()}: stop accepting, let the connections finish their
     * requests, each answered with {@code Connection: close}, and return once none is left
     * or {@code grace} has passed. The event loop goes on serving meanwhile.
     */
    public void disconnect(Duration grace) {
        stoppedAccepting = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                // Connections the kernel queued for this socket would be reset by its close:
                // take them all first, just before closing, to leave the smallest window.
                accept(Integer.MAX_VALUE);
            } catch (IOException ignored) {
                // closing anyway
            }
            listenerKey.cancel();
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            drained = done;
            completeIfDrained();
        });
        try {
            done.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the grace period is over: close() ends the rest
        }
    }

    /** True once {@link #disconnect} has begun; any thread. */
    boolean draining() {
        return drained != null;
    }

    private void completeIfDrained() {
        if (drained != null && connections.isEmpty()) {
            drained.complete(null);
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

    /** Loop thread only. */
    void forget(ServedConnection connection) {
        connections.remove(connection);
        completeIfDrained();
    }

    @Override
    public void close() {
        stoppedAccepting = true;
        loop.close();
    }
}
