package corelab.modes.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the blocking server's watchers need to know about a connection whose thread they
 * cannot interrupt: since when it waits idle, until when it may wait in a read, and since
 * when it is stuck in a write. Its reads and writes are untimed; shutting its input down
 * or closing the channel from another thread is the way to end them.
 */
final class ConnectionTimes {
    /** Since when it waits idle for its next request; 0: inside one. */
    volatile long idleSinceNanos;
    /** Since when it is writing a response; 0: not writing. */
    volatile long writingSinceNanos;
    /**
     * When the read it waits in is overdue ({@link System#nanoTime()}); {@link #NOT_READING};
     * or {@link #TIMED_OUT}, swapped in by the watcher. One atomic word, so that the watcher
     * cannot time out the next read on a deadline it saw for the one before.
     */
    private final AtomicLong readDeadlineNanos = new AtomicLong(NOT_READING);
    private static final long NOT_READING = Long.MIN_VALUE;
    private static final long TIMED_OUT = Long.MAX_VALUE;

    ConnectionTimes(long idleSinceNanos) {
        this.idleSinceNanos = idleSinceNanos;
    }

    /** Its thread, before a read that must end by {@code deadlineNanos}. */
    void readingUntil(long deadlineNanos) {
        readDeadlineNanos.set(deadlineNanos);
    }

    /** Its thread, after the read: true when the watcher timed it out (see {@link #timeOutRead}). */
    boolean readEndedTimedOut() {
        return readDeadlineNanos.getAndSet(NOT_READING) == TIMED_OUT;
    }

    /** The watcher: true when a read is overdue at {@code nowNanos}; the caller then ends it. */
    boolean timeOutRead(long nowNanos) {
        long deadline = readDeadlineNanos.get();
        return deadline != NOT_READING && deadline != TIMED_OUT && nowNanos - deadline >= 0
                && readDeadlineNanos.compareAndSet(deadline, TIMED_OUT);
    }
}
