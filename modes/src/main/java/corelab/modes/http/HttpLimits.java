package corelab.modes.http;

/**
 * What the server accepts from one client before it refuses, and from all of them at once.
 * The deadlines are totals, as nginx's {@code client_header_timeout}: a client that
 * trickles one byte every few seconds never trips an idle timer, so it would otherwise hold
 * its connection (and, in {@code platform}, its thread) for as long as it likes.
 *
 * @param maxHeaderBytes      request line and headers together; over it: 431, or 414 when the request
 *                            line alone is over it
 * @param maxBodyBytes        Content-Length; over it: 413
 * @param idleTimeoutMillis   a connection that sends nothing for this long, between
 *                            requests or in the middle of one, is closed
 * @param headerTimeoutMillis a request's line and headers must all have come this long after its first
 *                            byte; otherwise 408 and the connection is closed
 * @param bodyTimeoutMillis   a request's body must all have come this long after its headers; otherwise
 *                            408 and the connection is closed
 * @param sendTimeoutMillis   a response the client has not read in full this long after it was begun
 *                            is dropped with its connection
 * @param maxConnections      open connections per server; a new one beyond it is closed at once
 */
public record HttpLimits(int maxHeaderBytes, int maxBodyBytes, int idleTimeoutMillis, int headerTimeoutMillis,
                         int bodyTimeoutMillis, int sendTimeoutMillis, int maxConnections) {
    public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 1024 * 1024, 10_000, 10_000, 60_000, 60_000,
            10_000);

    public HttpLimits {
        if (maxHeaderBytes < 64) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 64, was " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
        atLeastOne("idleTimeoutMillis", idleTimeoutMillis);
        atLeastOne("headerTimeoutMillis", headerTimeoutMillis);
        atLeastOne("bodyTimeoutMillis", bodyTimeoutMillis);
        atLeastOne("sendTimeoutMillis", sendTimeoutMillis);
        atLeastOne("maxConnections", maxConnections);
    }

    /** The sizes and idle timeout given, every other limit at its default. */
    public HttpLimits(int maxHeaderBytes, int maxBodyBytes, int idleTimeoutMillis) {
        this(maxHeaderBytes, maxBodyBytes, idleTimeoutMillis, DEFAULTS.headerTimeoutMillis,
                DEFAULTS.bodyTimeoutMillis, DEFAULTS.sendTimeoutMillis, DEFAULTS.maxConnections);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
