package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.plan.BenchmarkOptions;
import corelab.modes.options.OptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabDurationsTest {
    private static final Map<String, String> LAB = Map.of("mode", "single", "trialSeconds", "10", "trials", "8");

    @Test
    void unsetLeavesTheLabsOwnDurations() {
        assertEquals(LAB, LabDurations.apply(LAB, null));
        assertEquals(LAB, LabDurations.apply(LAB, ""));
    }

    @Test
    void tinyCutsEveryRunToThreeOneSecondTrialsWithoutWarmupAndKeepsTheRest() {
        Map<String, String> cut = LabDurations.apply(LAB, "tiny");
        assertEquals("single", cut.get("mode"));
        assertEquals("0", cut.get("warmupSeconds"));
        assertEquals("1", cut.get("trialSeconds"));
        assertEquals("3", cut.get("trials"));
        assertEquals("0", cut.get("rewarmSeconds"));
        // The harness reads them as any command line would: three trials still give a confidence interval.
        BenchmarkOptions options = BenchmarkOptions.parse(cut);
        assertEquals(0, options.durations().warmupSeconds());
        assertEquals(1, options.durations().trialSeconds());
        assertEquals(3, options.durations().trials());
    }

    @Test
    void tinyAlsoCutsALabThatGivesNoDurations() {
        Map<String, String> cut = LabDurations.apply(new LinkedHashMap<>(Map.of("mode", "cluster")), " tiny ");
        assertEquals(Map.of("mode", "cluster", "warmupSeconds", "0", "trialSeconds", "1", "trials", "3",
                "rewarmSeconds", "0"), cut);
    }

    @Test
    void anyOtherValueIsRefusedInOneMessage() {
        OptionException e = assertThrows(OptionException.class, () -> LabDurations.apply(LAB, "short"));
        assertTrue(e.getMessage().contains("CORELAB_LAB_DURATIONS must be 'tiny'"), e.getMessage());
        assertTrue(e.getMessage().contains("'short'"), e.getMessage());
    }
}
