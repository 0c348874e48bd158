package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepChartTest {
    @Test
    void aWideSweepWhoseIntervalReachesZeroIsDrawnOnALinearAxis() {
        Section section = SweepChart.section(new RunView(Fixtures.wideIntervalSweep()), Optional.empty());

        assertEquals(1, section.figures().size());
        String caption = section.figures().get(0).caption();
        assertFalse(caption.contains("both axes are logarithmic"), caption);
        assertTrue(caption.contains("the x axis is logarithmic"), caption);
    }
}
