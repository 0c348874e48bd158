package corelab.modes.http.conformance;

import corelab.modes.options.Balance;
import org.junit.jupiter.api.Tag;

/**
 * The conformance cases behind {@code -Dbalance=proxy}: the primary copies bytes both ways
 * without reading them, so every answer, and whether the connection stays open, is the worker's.
 */
@Tag("slow")
class ProxyConformanceTest extends FrontConformance {
    @Override
    Balance balance() {
        return Balance.PROXY;
    }
}
