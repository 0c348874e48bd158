package corelab.harness.execute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyWarmupTest {
    @Test
    void aRisingThroughputIsNotSteady() {
        assertFalse(Measurement.steady(List.of(46_000.0, 52_000.0, 61_000.0)));
        assertFalse(Measurement.steady(List.of(100.0, 100.0)), "too few seconds to tell");
        assertFalse(Measurement.steady(List.of(0.0, 0.0, 0.0)), "nothing answered is not steady");
    }

    @Test
    void threeSecondsWithinTenPercentAreSteady() {
        assertTrue(Measurement.steady(List.of(10.0, 99_000.0, 100_000.0, 104_000.0)));
    }
}
