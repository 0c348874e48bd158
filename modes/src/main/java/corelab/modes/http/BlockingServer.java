package corelab.modes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * The blocking transport: one thread per connection, for its whole life, doing plain
 * blocking reads and writes. Which kind of thread is the caller's choice, through the
 * executor: that choice is all that separates the {@code platform} and {@code virtual}
 * modes.
 */
public final class BlockingServer implements Transport {
    private final ServerSocketChannel listener;
    private final ExecutorService connectionThreads;
    private final Handler handler;
    private final HttpLimits limits;
    /** Each open connection, with what its watchers need to know (see {@link ConnectionTimes}). */
    private final Map<SocketChannel, ConnectionTimes> open = new ConcurrentHashMap<>();
    private final int maxConnections;
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AcceptBackoff backoff = new AcceptBackoff();
    private final Thread acceptor;
    private final Thread deadlineWatcher;
    private volatile boolean draining;
    private volatile boolean closed;

    /**
     * @param maxConnections open connections beyond which a new one is closed at once: the
     *                       limits' {@code maxConnections}, or fewer (a fixed pool's thread count,
     *                       so that no client waits in its queue behind idle connections)
     */
    public BlockingServer(ServerSocketConfig config, ExecutorService connectionThreads, Handler handler,
                          int maxConnections) throws IOException {
        this.listener = config.open();
        this.connectionThreads = connectionThreads;
        this.handler = handler;
        this.limits = config.limits();
        this.maxConnections = maxConnections;
        this.acceptor = Thread.ofPlatform().name("corelab-accept").start(this::acceptLoop);
        this.deadlineWatcher = Thread.ofPlatform().name("corelab-deadlines").start(this::watchDeadlines);
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("server is closed", e);
        }
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                pause(backoff.failed("the blocking acceptor", e));
                continue;
            }
            backoff.succeeded();
            admit(connection);
        }
    }

    /** A connection this server accepted, or one another process accepted ({@link #adopt}). */
    private void admit(SocketChannel connection) {
        if (open.size() >= maxConnections) {
            refusedConnections.incrementAndGet();
            closeQuietly(connection);
            return;
        }
        open.put(connection, new ConnectionTimes(System.nanoTime()));
        try {
            connectionThreads.execute(() -> serve(connection));
        } catch (RejectedExecutionException e) {
            closeQuietly(connection); // shutting down
        }
    }

    /**
     * Serves a connection accepted by another process (a cluster primary under {@code balance=rr}),
     * even if a drain began meanwhile: the worker has told the primary that it took it, so no one
     * else will serve it; a draining server answers it once, with {@code Connection: close}.
     */
    public void adopt(SocketChannel connection) {
        if (closed) {
            closeQuietly(connection);
            return;
        }
        admit(connection);
    }

    /** False once {@link #disconnect} or {@link #close} began. */
    public boolean accepting() {
        return !draining && !closed;
    }

    /** Connections closed at once because {@code maxConnections} were open. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() is under way: the loop ends with the listener
        }
    }

    private void serve(SocketChannel connection) {
        ConnectionTimes times = open.getOrDefault(connection, new ConnectionTimes(0));
        try (connection) {
            connection.socket().setTcpNoDelay(true);
            RequestDecoder decoder = new RequestDecoder(limits);
            RequestDeadline deadline = new RequestDeadline(limits);
            while (true) {
                HttpRequest request;
                try {
                    request = decoder.next();
                } catch (HttpException e) {
                    write(connection, times, HttpResponse.error(e.status(), e.getMessage()).encode(false));
                    LingeringClose.drain(connection);
                    return;
                }
                if (request == null) {
                    deadline.observe(decoder, System.nanoTime());
                    if (decoder.takeContinue()) {
                        write(connection, times, HttpResponse.continueInterim());
                    }
                    long leftNanos = deadline.leftNanos(System.nanoTime());
                    if (leftNanos <= 0) {
                        write(connection, times, HttpResponse.error(408, deadline.what()).encode(false));
                        return;
                    }
                    // Each read waits for the idle timeout or the request's deadline, whichever
                    // comes first, enforced by the watcher (see watchDeadlines), not by a timed read.
                    long waitNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(limits.idleTimeoutMillis()), leftNanos);
                    times.readingUntil(System.nanoTime() + waitNanos);
                    int read = connection.read(decoder.writable());
                    if (times.readEndedTimedOut()) {
                        if (decoder.hasPartialRequest()) {
                            String why = deadline.missed(System.nanoTime()) ? deadline.what()
                                    : "request not completed in time";
                            write(connection, times, HttpResponse.error(408, why).encode(false));
                        }
                        return;
                    }
                    if (read < 0) {
                        return;
                    }
                    times.idleSinceNanos = 0;
                    continue;
                }
                deadline.reset();
                HttpResponse response;
                try {
                    response = Exchanges.call(handler, request).toCompletableFuture().join();
                } catch (RuntimeException e) {
                    response = Exchanges.failure(e);
                }
                if (draining) {
                    response = response.closing(); // tell the client, and close once it is written
                }
                write(connection, times, Exchanges.encode(request, response));
                if (Exchanges.closesAfter(request, response)) {
                    return;
                }
                times.idleSinceNanos = System.nanoTime();
            }
        } catch (IOException e) {
            // The client went away; only this connection ends.
        } finally {
            open.remove(connection);
        }
    }

    private static void write(SocketChannel connection, ConnectionTimes times, ByteBuffer bytes) throws IOException {
        times.writingSinceNanos = System.nanoTime();
        try {
            while (bytes.hasRemaining()) {
                connection.write(bytes);
            }
        } finally {
            times.writingSinceNanos = 0;
        }
    }

    /**
     * The blocking transport's timeouts, every {@value EventLoop#TICK_MILLIS} ms. A read past
     * its deadline (idle timeout, or the request's deadline) gets its input shut down: the
     * read returns, and its thread answers 408 or closes. A timed read would do the same,
     * but the JDK flips a socket channel to non-blocking and back around each timed read
     * (four {@code fcntl} and a {@code poll} per request), and parks a virtual thread with a
     * timer; an untimed read is one {@code read}. A response the client has not read in full
     * within the send timeout gets its connection closed: a client that never reads would
     * otherwise hold its thread forever, blocked in write.
     */
    private void watchDeadlines() {
        long sendNanos = TimeUnit.MILLISECONDS.toNanos(limits.sendTimeoutMillis());
        while (!closed) {
            shutOverdueReads();
            closeOverdue(times -> times.writingSinceNanos, sendNanos);
            try {
                Thread.sleep(EventLoop.TICK_MILLIS);
            } catch (InterruptedException e) {
                return; // close()
            }
        }
    }

    private void shutOverdueReads() {
        long now = System.nanoTime();
        open.forEach((connection, times) -> {
            if (times.timeOutRead(now)) {
                try {
                    connection.shutdownInput();
                } catch (IOException e) {
                    closeQuietly(connection);
                }
            }
        });
    }

    /**
     * Closes each connection whose time {@code since} (0: not set) is {@code overNanos} or
     * more ago: its blocked read or write then fails, and its thread moves on.
     */
    private void closeOverdue(ToLongFunction<ConnectionTimes> since, long overNanos) {
        long now = System.nanoTime();
        open.forEach((connection, times) -> {
            long from = since.applyAsLong(times);
            if (from != 0 && now - from >= overNanos) {
                closeQuietly(connection);
            }
        });
    }

    /**
     * Node.js's {@code server.close()}: stop accepting, let the connections finish their
     * requests, each answered with {@code Connection: close}, and return once none is left
     * or {@code grace} has passed. A connection idle for
     * {@value EventLoopServer#DRAIN_IDLE_MILLIS} ms is closed (see there why not at once).
     */
    public void disconnect(Duration grace) {
        draining = true;
        closeQuietly(listener); // its accept queue is reset: blocking accept cannot empty it first
        long deadline = System.nanoTime() + grace.toNanos();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(EventLoopServer.DRAIN_IDLE_MILLIS);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            closeOverdue(times -> times.idleSinceNanos, idleNanos);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        deadlineWatcher.interrupt();
        closeQuietly(listener);
        connectionThreads.shutdownNow();
        open.keySet().forEach(BlockingServer::closeQuietly);
        try {
            acceptor.join(2000);
            deadlineWatcher.join(2000);
            connectionThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
