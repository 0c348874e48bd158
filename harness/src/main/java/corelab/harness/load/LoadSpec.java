package corelab.harness.load;

/**
 * How hard to drive the server, validated here once and trusted by the generator.
 *
 * @param model                closed or open, see {@link LoadModel}
 * @param connections          keep-alive connections, each with at most one request in flight
 * @param ratePerSecond        open only: requests per second over all connections;
 *                             {@link Double#NaN} for the closed model, which has no rate
 * @param threads              generator threads the connections are split over
 * @param requestTimeoutMillis a request unanswered for this long counts as a timeout and its
 *                             connection is replaced; also bounds each connect
 * @param requestsPerConnection after this many answers a connection is closed and a new one
 *                             opened, as browsers and HTTP client pools do now and then; 0 keeps
 *                             each connection for the whole run, as wrk does. It matters to a
 *                             cluster: a server balances connections, not requests, so a worker
 *                             that starts late gets only connections opened after it listens.
 */
public record LoadSpec(LoadModel model, int connections, double ratePerSecond, int threads, int requestTimeoutMillis,
                       int requestsPerConnection) {

    /** Keep-alive connections kept for the whole run. */
    public LoadSpec(LoadModel model, int connections, double ratePerSecond, int threads, int requestTimeoutMillis) {
        this(model, connections, ratePerSecond, threads, requestTimeoutMillis, 0);
    }

    public LoadSpec {
        if (model == null) {
            throw new IllegalArgumentException("a load model is required; valid load models: " + LoadModel.words());
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
        if (threads < 1 || threads > connections) {
            throw new IllegalArgumentException(
                    "threads must be between 1 and connections (" + connections + "), was " + threads);
        }
        if (requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("requestTimeoutMillis must be at least 1, was " + requestTimeoutMillis);
        }
        if (requestsPerConnection < 0) {
            throw new IllegalArgumentException("requestsPerConnection must be 0 (keep each connection) or more, was "
                    + requestsPerConnection);
        }
        if (model == LoadModel.OPEN) {
            // wrk2 refuses too: an open-loop test without a rate has no schedule to be late against.
            if (Double.isNaN(ratePerSecond)) {
                throw new IllegalArgumentException("the open load model needs a rate (-Drate=...)");
            }
            if (Double.isInfinite(ratePerSecond) || ratePerSecond <= 0) {
                throw new IllegalArgumentException(
                        "the open load model needs a rate (-Drate=...) that is a finite number above 0, was " + ratePerSecond);
            }
        } else if (!Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("a rate (-Drate=" + ratePerSecond + ") applies only to the open load model;"
                    + " closed connections send as fast as the server answers");
        }
    }
}
