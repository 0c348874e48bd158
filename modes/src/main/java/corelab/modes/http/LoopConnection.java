package corelab.modes.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection on an event loop. It handles one request at a time: while a
 * request is being answered it stops reading, and only then parses the next, so that
 * pipelined requests are answered in the order they came, never mixed up.
 */
final class LoopConnection implements ServedConnection {
    private final EventLoopServer server;
    private final SocketChannel channel;
    private final RequestDecoder decoder;
    private final RequestDeadline deadline;
    private final long sendTimeoutNanos;
    private SelectionKey key;

    private HttpRequest current;
    private ByteBuffer pending;
    private long writeStartedNanos;
    private boolean closeAfterWrite;
    /** True from a complete request until its response is fully written. */
    private boolean busy;
    private boolean closed;
    /** Set after an error answer: output is shut, input is read and dropped until this deadline. */
    private long lingerUntilNanos;
    private int lingeredBytes;
    private ByteBuffer lingerDiscard;
    private boolean lingering;
    private boolean lingerAfterWrite;
    private long lastActivityNanos = System.nanoTime();

    LoopConnection(EventLoopServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
        this.decoder = new RequestDecoder(server.limits());
        this.deadline = new RequestDeadline(server.limits());
        this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(server.limits().sendTimeoutMillis());
    }

    @Override
    public void attach(SelectionKey key) {
        this.key = key;
    }

    @Override
    public void onReady(SelectionKey key) throws IOException {
        if (key.isWritable()) {
            writePending();
            if (!busy) {
                processInput();
            }
        } else if (key.isReadable() && lingering) {
            drainLingering();
        } else if (key.isReadable()) {
            int read = channel.read(decoder.writable());
            if (read < 0) {
                close();
                return;
            }
            lastActivityNanos = System.nanoTime();
            processInput();
        }
    }

    private void processInput() throws IOException {
        while (!busy && !closed) {
            HttpRequest request;
            try {
                request = decoder.next();
            } catch (HttpException e) {
                busy = true;
                lingerAfterWrite = true;
                startWrite(HttpResponse.error(e.status(), e.getMessage()).encode(false), true);
                return;
            }
            if (request == null) {
                deadline.observe(decoder, System.nanoTime());
                if (decoder.takeContinue()) {
                    busy = true; // until the interim answer is written; then reading resumes
                    startWrite(HttpResponse.continueInterim(), false);
                }
                return;
            }
            deadline.reset();
            busy = true;
            current = request;
            CompletableFuture<HttpResponse> answer = Exchanges.call(server.handler(), request).toCompletableFuture();
            if (answer.isDone()) {
                respond(answer.isCompletedExceptionally()
                        ? Exchanges.failure(answer.handle((r, e) -> e).join())
                        : answer.join());
            } else {
                key.interestOps(0); // nothing to read or write until the answer is ready
                answer.whenComplete((response, error) -> server.loop().execute(() -> {
                    try {
                        respond(response != null ? response : Exchanges.failure(error));
                        if (!busy) {
                            processInput();
                        }
                    } catch (IOException e) {
                        close();
                    }
                }));
                return;
            }
        }
    }

    private void respond(HttpResponse response) throws IOException {
        if (closed) {
            return;
        }
        // A disconnecting server tells the client so, and closes once this answer is written.
        HttpResponse sent = server.draining() ? response.closing() : response;
        startWrite(Exchanges.encode(current, sent), Exchanges.closesAfter(current, sent));
    }

    private void startWrite(ByteBuffer bytes, boolean close) throws IOException {
        pending = bytes;
        writeStartedNanos = System.nanoTime();
        closeAfterWrite = close;
        writePending();
    }

    private void writePending() throws IOException {
        channel.write(pending);
        if (pending.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        pending = null;
        current = null;
        if (closeAfterWrite && lingerAfterWrite) {
            startLingering();
            return;
        }
        if (closeAfterWrite) {
            close();
            return;
        }
        busy = false;
        lastActivityNanos = System.nanoTime();
        key.interestOps(SelectionKey.OP_READ);
    }

    /** See {@link LingeringClose}; here the loop never waits: reads come as events, the deadline with the tick. */
    private void startLingering() throws IOException {
        lingering = true;
        lingerUntilNanos = LingeringClose.deadlineNanos();
        lingerDiscard = ByteBuffer.allocate(4096);
        channel.shutdownOutput();
        key.interestOps(SelectionKey.OP_READ);
        drainLingering();
    }

    private void drainLingering() throws IOException {
        while (!closed) {
            lingerDiscard.clear();
            int read = channel.read(lingerDiscard);
            if (read == 0) {
                return; // more may come: wait for the next event or the deadline
            }
            lingeredBytes += Math.max(read, 0);
            if (read < 0 || lingeredBytes >= LingeringClose.MAX_BYTES) {
                close();
            }
        }
    }

    /**
     * Closes the connection if it is past a deadline: lingering over, a response the client
     * has not read within the send timeout, a request not received within its deadline
     * (408), or idle too long.
     */
    @Override
    public void closeIfOverdue(long nowNanos, long idleNanos) {
        if (closed) {
            return;
        }
        if ((lingering && nowNanos - lingerUntilNanos >= 0)
                || (pending != null && nowNanos - writeStartedNanos >= sendTimeoutNanos)) {
            close(); // a client that does not read holds this response's memory for nothing
            return;
        }
        if (busy) {
            return;
        }
        if (deadline.missed(nowNanos)) {
            answerTimeoutAndClose(deadline.what());
        } else if (nowNanos - lastActivityNanos >= idleNanos) {
            answerTimeoutAndClose("request not completed in time");
        }
    }

    private void answerTimeoutAndClose(String why) {
        answerTimeout(channel, decoder, why);
        close();
    }

    /**
     * A 408 to a client that left a request half sent (nothing to one that was idle between
     * requests: nothing is owed), before its connection is closed. Best effort: one
     * non-blocking write, then close whatever happened.
     */
    static void answerTimeout(SocketChannel channel, RequestDecoder decoder, String why) {
        if (decoder.hasPartialRequest()) {
            try {
                channel.write(HttpResponse.error(408, why).encode(false));
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        server.forget(this);
    }
}
