package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.options.Balance;

/**
 * Tests of {@code -Dbalance=nginx} need Debian's nginx: without it they are skipped, unless
 * {@code CORELAB_REQUIRE_NGINX=true} (as CI sets it), when a missing nginx fails them.
 */
public final class NginxRequirement {
    private NginxRequirement() {
    }

    /** Skips (or fails, see above) the calling test if it needs nginx and there is none. */
    public static void needsNginxIf(Balance balance) {
        if (balance != Balance.NGINX) {
            return;
        }
        boolean installed = NginxFront.find().isPresent();
        if ("true".equals(System.getenv("CORELAB_REQUIRE_NGINX"))) {
            assertTrue(installed, "CORELAB_REQUIRE_NGINX is set but nginx is missing: apt-get install nginx");
        }
        assumeTrue(installed, "no nginx on the PATH or in /usr/sbin (apt-get install nginx)");
    }
}
