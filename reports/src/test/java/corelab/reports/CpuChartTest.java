package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuChartTest {
    /** Two modes at four work sizes: four charts of two lines each, not one of eight. */
    @Test
    void aSweepOverTheWorkSizeGetsOneCpuChartPerSize() {
        Section section = CpuChart.section(new RunView(Fixtures.mixedSweep(null)));

        List<String> titles = section.figures().stream().map(Figure::title).toList();
        assertEquals(4, titles.size(), titles.toString());
        assertTrue(titles.get(0).startsWith("CPU over time: mixed, 2500 iterations ("), titles.toString());
        assertTrue(titles.get(3).startsWith("CPU over time: mixed, 1000000 iterations ("), titles.toString());
    }

    @Test
    void aRunAtOneWorkSizeKeepsOneChartPerWorkload() {
        Section section = CpuChart.section(new RunView(Fixtures.closedRun()));

        assertTrue(section.figures().stream().noneMatch(f -> f.title().contains(" iterations")),
                section.figures().stream().map(Figure::title).toList().toString());
    }
}
