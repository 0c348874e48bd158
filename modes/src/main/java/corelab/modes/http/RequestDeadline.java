package corelab.modes.http;

import java.util.concurrent.TimeUnit;

/**
 * The total deadlines of the request being received, shared by both transports: its head
 * must all come within {@link HttpLimits#headerTimeoutMillis()} of its first byte, its body
 * within {@link HttpLimits#bodyTimeoutMillis()} of its head. An idle timer alone restarts on
 * every byte, so it cannot stop a client that sends one byte just before each timeout.
 * Not thread-safe: one per connection, used by the thread that reads it.
 */
final class RequestDeadline {
    private enum Phase { NONE, HEAD, BODY }

    private final long headNanos;
    private final long bodyNanos;
    private Phase phase = Phase.NONE;
    private long deadlineNanos;

    RequestDeadline(HttpLimits limits) {
        this.headNanos = TimeUnit.MILLISECONDS.toNanos(limits.headerTimeoutMillis());
        this.bodyNanos = TimeUnit.MILLISECONDS.toNanos(limits.bodyTimeoutMillis());
    }

    /** Call after each {@link RequestDecoder#next()} that returned null: starts the phase the decoder is in. */
    void observe(RequestDecoder decoder, long nowNanos) {
        if (!decoder.hasPartialRequest()) {
            phase = Phase.NONE;
        } else if (decoder.awaitingBody()) {
            if (phase != Phase.BODY) {
                phase = Phase.BODY;
                deadlineNanos = nowNanos + bodyNanos;
            }
        } else if (phase == Phase.NONE) {
            phase = Phase.HEAD;
            deadlineNanos = nowNanos + headNanos;
        }
    }

    /** Call when a whole request has come: the next one starts its own deadline. */
    void reset() {
        phase = Phase.NONE;
    }

    /** How long the request being received has left; {@link Long#MAX_VALUE} when none is. */
    long leftNanos(long nowNanos) {
        return phase == Phase.NONE ? Long.MAX_VALUE : deadlineNanos - nowNanos;
    }

    boolean missed(long nowNanos) {
        return leftNanos(nowNanos) <= 0;
    }

    String what() {
        return phase == Phase.BODY ? "request body not received in time" : "request header not received in time";
    }
}
