package corelab.modes.http;

/**
 * What the server accepts from one client before it refuses.
 *
 * @param maxHeaderBytes    request line and headers together; over it: 431, or 414 when the request
 *                          line alone is over it
 * @param maxBodyBytes      Content-Length; over it: 413
 * @param idleTimeoutMillis a connection that sends nothing for this long, between
 *                          requests or in the middle of one, is closed
 */
public record HttpLimits(int maxHeaderBytes, int maxBodyBytes, int idleTimeoutMillis) {
    public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 1024 * 1024, 10_000);

    public HttpLimits {
        if (maxHeaderBytes < 64) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 64, was " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
        }
        if (idleTimeoutMillis < 1) {
            throw new IllegalArgumentException("idleTimeoutMillis must be >= 1, was " + idleTimeoutMillis);
        }
    }
}
