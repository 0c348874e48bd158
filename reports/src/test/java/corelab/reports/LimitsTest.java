package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsTest {
    @Test
    void littlesLawIsConcurrencyOverTheBackendDelay() {
        Limits.Limit limit = Limits.littlesLaw(64, 20);
        assertEquals(3200, limit.requestsPerSecond(), 1e-9);
        assertTrue(limit.source().contains("20 ms"));
    }

    @Test
    void withoutAMeasurementTheCpuLimitIsCorelabsEstimateAndSaysSo() {
        Limits.Limit limit = Limits.cpu(2, 250_000, Optional.empty());
        assertEquals(2 / (250_000 * 4.2e-9), limit.requestsPerSecond(), 1e-6);
        assertTrue(limit.source().contains("estimated"), limit.source());
        assertTrue(limit.source().contains("not measured"), limit.source());
    }

    @Test
    void aMeasuredSingleCoreRateIsUsedAndRescaledToTheWork() {
        Limits.Limit limit = Limits.cpu(2, 250_000, Optional.of(new SingleCoreRate(125_000, 2000, "JMH on this laptop")));
        assertEquals(2000, limit.requestsPerSecond(), 1e-9);
        assertTrue(limit.source().contains("measured single-core rate (JMH on this laptop)"), limit.source());
        assertTrue(limit.source().contains("rescaled from 125000 iterations"), limit.source());
    }

    @Test
    void aSingleCoreRateMustBePositiveAndSayWhereItComesFrom() {
        assertThrows(IllegalArgumentException.class, () -> new SingleCoreRate(250_000, 0, "JMH"));
        assertThrows(IllegalArgumentException.class, () -> new SingleCoreRate(250_000, 1000, " "));
    }
}
