package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Calibration;
import corelab.results.RunLimits;
import java.util.List;
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

    /**
     * The kernel at 1000 per CPU-second for 250,000 iterations (4 ns an iteration), 64 connections, a 20 ms
     * backend: the bound bends where S = W / (C / cores - 1), at 20 ms / 63 = 79,365 iterations for single's
     * one core and 20 ms / 31 = 161,290 for two.
     */
    @Test
    void aMixedSweepOverTheWorkSizeDrawsTheBoundForOneCoreAndForAll() {
        Calibration calibration = new Calibration(250_000, List.of(1000.0, 1005.0, 995.0), List.of(), 20,
                List.of(20.6), List.of());
        RunView view = new RunView(Fixtures.mixedSweep(calibration));
        Section section = SweepChart.section(view, Optional.empty());

        assertEquals(1, section.figures().size());
        Figure figure = section.figures().get(0);
        assertEquals("Throughput against CPU work per request: mixed (2 cores)", figure.title());
        assertTrue(figure.caption().contains("The dotted lines are the bound min(C / (W + S), cores / S): 64"
                + " connections, each request held 20 ms by the backend (W)"), figure.caption());
        assertTrue(figure.caption().contains("(the bend: 1 core at 79,365 iterations, 2 cores at 161,290"
                + " iterations)"), figure.caption());
        assertTrue(figure.caption().contains("both axes are logarithmic"), figure.caption());
        assertTrue(RunLimits.broken(view.run()).isEmpty(), RunLimits.broken(view.run()).toString());
    }

    /** A kernel measured at half its speed halves the cores' part of the bound: single's 950 at 250,000 breaks it. */
    @Test
    void aMixedPointAboveItsBoundIsABrokenLimit() {
        Calibration slow = new Calibration(250_000, List.of(500.0, 505.0, 495.0), List.of(), 20, List.of(20.6),
                List.of());
        List<String> broken = RunLimits.broken(Fixtures.mixedSweep(slow));
        assertTrue(broken.stream().anyMatch(b -> b.startsWith("BROKEN LIMIT: single/cores2/mixed/iterations250000/")),
                broken.toString());
    }
}
