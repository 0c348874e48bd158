package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    /** A tier of two practically the same is said once: the pair's verdict already names both. */
    @Test
    void aTierOfTwoAlikeIsSaidOnce() {
        String findings = String.join("\n", SummaryWriter.findings(new RunView(Fixtures.twoAlike())));
        assertTrue(findings.contains("are practically the same: the difference"), findings);
        assertFalse(findings.contains("practically the same: virtual and platform are practically the same")
                || findings.contains("practically the same: platform and virtual are practically the same"), findings);
    }
}
