package corelab.modes.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of thread-per-request behind a poller, after Tomcat's {@code NioEndpoint}:
 * while it is idle, only the poller (an {@link EventLoop}) holds it, and no thread waits for
 * it. When it becomes readable, the poller takes away its read interest, so that no second
 * thread is sent (Tomcat's {@code Poller.processKey}: {@code unreg}, then
 * {@code processSocket(OPEN_READ)}), and hands it to a thread of the pool. That thread reads,
 * parses, calls the handler (which may block: the thread is the request's), writes the
 * answer, and gives the connection back to the poller for its next request (Tomcat's
 * {@code registerReadInterest}: an event on the poller's queue, and a wake-up).
 *
 * <p>The channel stays registered with the poller's selector, so it cannot be made blocking.
 * The thread reads without blocking: a read that finds nothing ends its turn. A write that
 * does not fit the socket's buffer waits for the poller to see the socket writable (Tomcat's
 * {@code writeBlocking}), at most the send timeout; so does a lingering close's read.
 *
 * <p>Which thread touches what: {@code decoder}, {@code deadline} and the times belong to
 * whichever thread has the connection, the poller while {@code inService} is false, the
 * request thread while it is true; each hands it to the other through a queue (the pool's,
 * the loop's), which orders their writes. {@code inService} itself is set and cleared on the
 * loop thread only.
 */
final class PolledConnection implements ServedConnection {
    private final EventLoopServer server;
    private final SocketChannel channel;
    private final Executor requestThreads;
    private final RequestDecoder decoder;
    private final RequestDeadline deadline;
    private final long sendTimeoutNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private SelectionKey key;
    /** Loop thread only: a request thread has the connection. */
    private boolean inService;
    /** Loop thread only: what a request thread waiting for readiness waits on. */
    private CompletableFuture<Void> waiting;
    private long lastActivityNanos = System.nanoTime();

    PolledConnection(EventLoopServer server, SocketChannel channel, Executor requestThreads) {
        this.server = server;
        this.channel = channel;
        this.requestThreads = requestThreads;
        this.decoder = new RequestDecoder(server.limits());
        this.deadline = new RequestDeadline(server.limits());
        this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(server.limits().sendTimeoutMillis());
    }

    @Override
    public void attach(SelectionKey key) {
        this.key = key;
    }

    /** Loop thread: readable (or writable) now. */
    @Override
    public void onReady(SelectionKey key) {
        key.interestOps(0); // one thread at a time: no further event until it is given back
        if (waiting != null) {
            CompletableFuture<Void> ready = waiting;
            waiting = null;
            ready.complete(null); // a request thread waits to write, or to read while lingering
            return;
        }
        inService = true;
        try {
            requestThreads.execute(this::serve);
        } catch (RejectedExecutionException e) {
            close(); // the pool is shut down: the server is closing
        }
    }

    /** A request thread: serves what has come, then gives the connection back or closes it. */
    private void serve() {
        boolean answered = false;
        try {
            while (!closed.get()) {
                HttpRequest request;
                try {
                    request = decoder.next();
                } catch (HttpException e) {
                    write(HttpResponse.error(e.status(), e.getMessage()).encode(false));
                    LingeringClose.drain(channel, deadlineNanos -> awaitReady(SelectionKey.OP_READ, deadlineNanos));
                    close();
                    return;
                }
                if (request == null) {
                    deadline.observe(decoder, System.nanoTime());
                    if (decoder.takeContinue()) {
                        write(HttpResponse.continueInterim());
                    }
                    if (answered && !decoder.hasPartialRequest()) {
                        // A keep-alive client sends its next request only after reading this answer:
                        // a read now would find nothing (EAGAIN). Tomcat makes that read; it costs a
                        // system call a request, so give the connection back at once instead.
                        giveBack();
                        return;
                    }
                    int read = channel.read(decoder.writable());
                    if (read < 0) {
                        close();
                        return;
                    }
                    if (read == 0) {
                        giveBack(); // nothing more yet: wait on the poller, without a thread
                        return;
                    }
                    lastActivityNanos = System.nanoTime();
                    continue;
                }
                deadline.reset();
                HttpResponse response;
                try {
                    response = Exchanges.call(server.handler(), request).toCompletableFuture().join();
                } catch (RuntimeException e) {
                    response = Exchanges.failure(e);
                }
                if (server.draining()) {
                    response = response.closing(); // tell the client, and close once it is written
                }
                write(Exchanges.encode(request, response));
                if (Exchanges.closesAfter(request, response)) {
                    close();
                    return;
                }
                // A pipelined request already read is served on this turn, as Tomcat does.
                answered = true;
                lastActivityNanos = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            close(); // the client went away, or a send timed out: only this connection ends
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        long deadlineNanos = System.nanoTime() + sendTimeoutNanos;
        channel.write(bytes);
        while (bytes.hasRemaining()) {
            if (!awaitReady(SelectionKey.OP_WRITE, deadlineNanos)) {
                throw new IOException("the client did not read its answer within the send timeout");
            }
            channel.write(bytes);
        }
    }

    /**
     * A request thread: waits until the poller sees the channel ready for {@code op}, at most
     * until {@code deadlineNanos}; false if that passed first.
     */
    private boolean awaitReady(int op, long deadlineNanos) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        server.loop().execute(() -> {
            if (key.isValid()) {
                waiting = ready;
                key.interestOps(op);
            } else {
                ready.completeExceptionally(new IOException("connection closed"));
            }
        });
        try {
            ready.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            server.loop().execute(() -> {
                if (waiting == ready) {
                    waiting = null;
                    if (key.isValid()) {
                        key.interestOps(0);
                    }
                }
            });
            return false;
        } catch (ExecutionException e) {
            throw new IOException("connection closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the pool is shutting down
            throw new IOException("server closing", e);
        }
    }

    /** A request thread: the poller waits for this connection's next bytes. */
    private void giveBack() {
        server.loop().execute(() -> {
            inService = false;
            if (!closed.get() && key.isValid()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        });
    }

    /** Loop thread: idle and request deadlines, as {@link LoopConnection}'s; a request thread keeps its own. */
    @Override
    public void closeIfOverdue(long nowNanos, long idleNanos) {
        if (closed.get() || inService) {
            return;
        }
        if (deadline.missed(nowNanos)) {
            LoopConnection.answerTimeout(channel, decoder, deadline.what());
            close();
        } else if (nowNanos - lastActivityNanos >= idleNanos) {
            LoopConnection.answerTimeout(channel, decoder, "request not completed in time");
            close();
        }
    }

    /** Any thread; the server forgets it on the loop thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close(); // cancels its key too
        } catch (IOException ignored) {
            // closing anyway
        }
        if (server.loop().inLoop()) {
            server.forget(this);
        } else {
            server.loop().execute(() -> server.forget(this));
        }
    }
}
