package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ConfigurationResult;
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

    /** In the per-size charts a mode keeps its own colour: the same as in the run's other charts, at every size. */
    @Test
    void aModeHasOneColourAtEveryWorkSize() {
        RunView view = new RunView(Fixtures.mixedSweep(null));
        List<ConfigurationResult> sizes = view.configurations().stream()
                .filter(c -> c.configuration().mode().equals("single") && c.verdict().valid()).toList();

        assertEquals(4, sizes.size(), sizes.toString());
        assertEquals(1, sizes.stream().map(view::colorIgnoringSize).distinct().count(), sizes.toString());
        assertEquals(view.color("single"), view.colorIgnoringSize(sizes.get(0)));
        assertNotEquals(view.color(sizes.get(0)), view.color(sizes.get(1)), "where sizes share a chart, each its own");
    }

    @Test
    void aRunAtOneWorkSizeKeepsOneChartPerWorkload() {
        Section section = CpuChart.section(new RunView(Fixtures.closedRun()));

        assertTrue(section.figures().stream().noneMatch(f -> f.title().contains(" iterations")),
                section.figures().stream().map(Figure::title).toList().toString());
    }
}
