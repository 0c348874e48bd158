package corelab.harness.load;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What every connection needs to know, fixed when the load starts and shared, read-only, by
 * all generator threads.
 *
 * @param server              where to connect
 * @param requests            the requests, cycled round-robin
 * @param schedule            the open model's arrivals; {@code null} for the closed model, which has none
 * @param requestTimeoutNanos how long a connect or an answer may take
 * @param originNanos         {@link System#nanoTime()} at the start: every time inside the generator counts from here
 * @param requestsPerConnection answers after which a connection is replaced; 0: never
 */
record LoadPlan(InetSocketAddress server, List<EncodedRequest> requests, ArrivalSchedule schedule,
                long requestTimeoutNanos, long originNanos, long requestsPerConnection) {

    /** True when a connection that has had {@code answers} answers must be replaced by a new one. */
    boolean usedUp(long answers) {
        return requestsPerConnection > 0 && answers >= requestsPerConnection;
    }

    /** Nanoseconds since the start; never negative, so {@link Long#MAX_VALUE} can stand for "no timer". */
    long now() {
        return System.nanoTime() - originNanos;
    }

    boolean open() {
        return schedule != null;
    }

    /** The request a connection sends as its {@code number}th: connections start at different requests, then take turns. */
    EncodedRequest request(int connection, long number) {
        return requests.get((int) ((connection + number) % requests.size()));
    }
}
