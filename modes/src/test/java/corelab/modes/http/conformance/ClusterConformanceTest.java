package corelab.modes.http.conformance;

import corelab.modes.options.Balance;
import org.junit.jupiter.api.Tag;

/** The conformance cases behind {@code -Dbalance=kernel}: every worker listens, no front reads a byte. */
@Tag("slow")
class ClusterConformanceTest extends FrontConformance {
    @Override
    Balance balance() {
        return Balance.KERNEL;
    }
}
