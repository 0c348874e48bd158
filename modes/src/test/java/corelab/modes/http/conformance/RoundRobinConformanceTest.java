package corelab.modes.http.conformance;

import corelab.modes.options.Balance;
import org.junit.jupiter.api.Tag;

/**
 * The conformance cases behind {@code -Dbalance=rr}: the primary accepts and hands the socket
 * to a worker without reading a byte, so every answer is the worker's, on the client's own
 * connection.
 */
@Tag("slow")
class RoundRobinConformanceTest extends FrontConformance {
    @Override
    Balance balance() {
        return Balance.RR;
    }
}
