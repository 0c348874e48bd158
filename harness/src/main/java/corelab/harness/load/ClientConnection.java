package corelab.harness.load;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * One keep-alive connection with at most one request in flight (no pipelining, so a slow
 * answer holds back this connection's next request, exactly as it would a browser's).
 * Everything here runs on its generator thread. Times are nanoseconds on the
 * {@link LoadPlan#now()} clock; {@link #timerNanos()} says when the connection next needs
 * attention without any I/O, and {@link GeneratorThread} calls {@link #onTimer} then.
 *
 * <p>Failures are counted, never thrown: a broken connection is replaced and the load goes on.
 */
final class ClientConnection {
    static final long NO_TIMER = Long.MAX_VALUE;
    /** After an error, wait this long before reconnecting, so a dead server does not make the generator spin. */
    static final long RECONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private enum State {
        /** No socket; the timer is when to open a new one. */
        DISCONNECTED,
        /** A connect is under way; the timer is its deadline. */
        CONNECTING,
        /** Connected, nothing in flight; open model: the timer is when the next request is due. */
        IDLE,
        /** A request is sent (or still being written); the timer is its deadline. */
        AWAITING_ANSWER
    }

    private final int index;
    private final LoadPlan plan;
    private final Selector selector;
    private final LoadAccumulator tally;
    private final ConnectionShares.Tally share;
    private final ResponseParser parser = new ResponseParser();

    private State state = State.DISCONNECTED;
    private long timerNanos = NO_TIMER;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer unwritten; // the rest of a request the socket did not take at once; rare
    private long answersOnSocket;
    private long nextRequestNumber; // this connection's requests sent so far: picks the request and, open, its due time
    private long dueNanos;
    private long sentNanos;
    private boolean countAnswer; // the answer in flight carries a count for the ledger
    private boolean sendingStopped;

    ClientConnection(int index, LoadPlan plan, Selector selector, LoadAccumulator tally, ConnectionShares.Tally share) {
        this.index = index;
        this.plan = plan;
        this.selector = selector;
        this.tally = tally;
        this.share = share;
    }

    int index() {
        return index;
    }

    long timerNanos() {
        return timerNanos;
    }

    /** True while an answer or a connect could arrive at any moment. */
    boolean waitingOnServer() {
        return state == State.CONNECTING || state == State.AWAITING_ANSWER;
    }

    /** Takes over the socket {@link LoadGenerator#start} connected, or counts that its connect failed. */
    void begin(SocketChannel connected, long now) {
        if (connected == null) {
            failed(now);
            return;
        }
        try {
            channel = connected;
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
            connected(now);
        } catch (IOException e) {
            failed(now);
        }
    }

    /**
     * No more requests: the one in flight, if any, is still answered (or times out), and
     * then the connection stays idle, or, if it breaks, closed.
     */
    void stopSending() {
        sendingStopped = true;
        if (state == State.IDLE || state == State.DISCONNECTED) {
            timerNanos = NO_TIMER;
        }
    }

    /** The timer has come: reconnect, send, or give up on a connect or an answer. */
    void onTimer(long now) {
        if (sendingStopped && (state == State.IDLE || state == State.DISCONNECTED)) {
            timerNanos = NO_TIMER;
            return;
        }
        try {
            switch (state) {
                case DISCONNECTED -> connect(now);
                case CONNECTING -> failed(now);
                case IDLE -> send();
                case AWAITING_ANSWER -> {
                    tally.countTimeout();
                    reconnect(now); // the late answer may still come: only a new socket is sure to be clean
                }
            }
        } catch (IOException e) {
            failed(now);
        }
    }

    void onReady(SelectionKey readyKey, ByteBuffer readBuffer) {
        try {
            if (!readyKey.isValid()) {
                return;
            }
            if (readyKey.isConnectable()) {
                if (channel.finishConnect()) {
                    connected(plan.now());
                }
                return;
            }
            if (readyKey.isWritable()) {
                writeRest();
            }
            if (readyKey.isReadable()) {
                read(readBuffer);
            }
        } catch (IOException e) {
            failed(plan.now());
        }
    }

    void close() {
        if (channel != null) {
            try {
                channel.close(); // also cancels the key
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channel = null;
        key = null;
        unwritten = null;
    }

    private void connect(long now) throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (channel.connect(plan.server())) {
            key = channel.register(selector, 0, this);
            connected(now);
        } else {
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            state = State.CONNECTING;
            timerNanos = now + plan.requestTimeoutNanos();
        }
    }

    private void connected(long now) throws IOException {
        // Read interest even when idle: a server closing an idle connection is noticed at once.
        key.interestOps(SelectionKey.OP_READ);
        answersOnSocket = 0;
        sendWhenDue(now);
    }

    private void sendWhenDue(long now) throws IOException {
        if (sendingStopped) {
            state = State.IDLE;
            timerNanos = NO_TIMER;
        } else if (!plan.open() || plan.schedule().dueNanos(index, nextRequestNumber) <= now) {
            send();
        } else {
            state = State.IDLE;
            timerNanos = plan.schedule().dueNanos(index, nextRequestNumber);
        }
    }

    private void send() throws IOException {
        EncodedRequest request = plan.request(index, nextRequestNumber);
        sentNanos = plan.now();
        // Open: a request sent late (its connection was busy or down) still counts from when it was due.
        dueNanos = plan.open() ? plan.schedule().dueNanos(index, nextRequestNumber) : sentNanos;
        nextRequestNumber++;
        countAnswer = request.countAnswer();
        parser.expect(request.expectedBody(), countAnswer);
        state = State.AWAITING_ANSWER;
        timerNanos = sentNanos + plan.requestTimeoutNanos();
        ByteBuffer bytes = ByteBuffer.wrap(request.requestBytes());
        channel.write(bytes);
        tally.countSent();
        share.sent(sentNanos);
        if (bytes.hasRemaining()) {
            unwritten = bytes;
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private void writeRest() throws IOException {
        channel.write(unwritten);
        if (!unwritten.hasRemaining()) {
            unwritten = null;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        if (read < 0) {
            if (state == State.AWAITING_ANSWER || answersOnSocket == 0) {
                throw new EOFException("the server closed the connection before answering");
            }
            reconnect(plan.now()); // a server may close a keep-alive connection it has served once it is idle
            return;
        }
        if (read == 0) {
            return;
        }
        if (state != State.AWAITING_ANSWER) {
            throw new IOException("the server sent bytes with no request in flight");
        }
        buffer.flip();
        if (!parser.feed(buffer)) {
            return; // the rest of the answer comes with a later read
        }
        long now = plan.now();
        answersOnSocket++;
        if (parser.status() != 200) {
            tally.countStatusError();
        } else if (!parser.correct()) {
            tally.countWrongAnswer();
        } else {
            tally.recordCorrect(now - dueNanos, now - sentNanos, plan.originNanos() + now);
            share.answered(now);
            if (countAnswer) {
                tally.recordCount(parser.count());
            }
        }
        if (buffer.hasRemaining()) {
            throw new IOException("the server sent bytes after its answer");
        }
        if (parser.closeAfter() || plan.usedUp(answersOnSocket)) {
            reconnect(now);
        } else {
            sendWhenDue(now);
        }
    }

    /**
     * Replaces the socket without counting an error: after a timeout, when the server asked to
     * close, or when the connection has served its {@code requestsPerConnection}.
     */
    private void reconnect(long now) throws IOException {
        close();
        connect(now);
    }

    private void failed(long now) {
        tally.countConnectionError();
        close();
        state = State.DISCONNECTED;
        timerNanos = now + RECONNECT_BACKOFF_NANOS;
    }
}
