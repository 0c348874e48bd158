package corelab.modes.http.conformance;

import corelab.modes.options.Balance;
import org.junit.jupiter.api.Tag;

/** The conformance cases behind {@code -Dbalance=shared}: the workers accept from one listening socket their primary handed them. */
@Tag("slow")
class SharedConformanceTest extends FrontConformance {
    @Override
    Balance balance() {
        return Balance.SHARED;
    }
}
