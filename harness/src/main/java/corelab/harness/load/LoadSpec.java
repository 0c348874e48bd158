package corelab.harness.load;

import java.util.List;

/**
 * How hard to drive the server, validated here once and trusted by the generator.
 *
 * @param model                closed, or open with its rate over all connections: see {@link LoadModel}
 * @param connections          keep-alive connections, each with at most one request in flight
 * @param threads              generator threads the connections are split over
 * @param requestTimeoutMillis a request unanswered for this long counts as a timeout and its
 *                             connection is replaced; also bounds each connect
 * @param requestsPerConnection after this many answers a connection is closed and a new one
 *                             opened, as browsers and HTTP client pools do now and then; 0 keeps
 *                             each connection for the whole run, as wrk does. It matters to a
 *                             cluster: a server balances connections, not requests, so a worker
 *                             that starts late gets only connections opened after it listens.
 * @param cpus                 the CPUs the generator threads pin themselves to, apart from the server's;
 *                             empty: wherever the kernel puts them
 */
public record LoadSpec(LoadModel model, int connections, int threads, int requestTimeoutMillis,
                       int requestsPerConnection, List<Integer> cpus) {

    /** Keep-alive connections kept for the whole run. */
    public LoadSpec(LoadModel model, int connections, int threads, int requestTimeoutMillis) {
        this(model, connections, threads, requestTimeoutMillis, 0);
    }

    /** Threads wherever the kernel puts them. */
    public LoadSpec(LoadModel model, int connections, int threads, int requestTimeoutMillis,
                    int requestsPerConnection) {
        this(model, connections, threads, requestTimeoutMillis, requestsPerConnection, List.of());
    }

    public LoadSpec {
        cpus = List.copyOf(cpus);
        if (model == null) {
            throw new IllegalArgumentException("a load model is required; valid load models: " + LoadModel.Kind.words());
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
    }
}
