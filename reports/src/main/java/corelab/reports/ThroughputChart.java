package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;

/** Throughput per mode, one panel per workload, as bars with 95% confidence intervals. */
final class ThroughputChart {
    static final String TITLE = "Throughput by mode";

    private ThroughputChart() {
    }

    static Section section(RunView view) {
        List<CategoryChart> panels = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            panels.add(panel(view, slice, workload + " (" + slice.describe() + ")", "requests per second",
                    c -> c.summary().throughputPerSecond(), 1));
        }
        String caption = "Mean requests answered per second over each configuration's trials; the error bars are the"
                + " 95% confidence interval of that mean (none is drawn with fewer than 3 trials). Look for: which mode"
                + " is highest on each workload, and whether two bars' intervals overlap. Overlapping intervals do not"
                + " make two modes the same, nor do separate ones make them different: the summary above says which"
                + " differences are significant and larger than the equivalence margin. Grey bars marked (INVALID) are not to be trusted;"
                + " the table below gives the reasons. Each panel shows one load level; other levels are in the"
                + " sweep charts and the table.";
        return new Section(TITLE, List.of(new Figure(TITLE, caption,
                Charts.png(panels, Math.min(3, panels.size())))), ModeLegend.notes(view));
    }

    /** A bar per configuration of the slice; {@code scale} converts the estimate into the axis unit. */
    static CategoryChart panel(RunView view, RunView.Slice slice, String title, String yTitle,
                               Function<ConfigurationResult, Estimate> figure, double scale) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (ConfigurationResult c : slice.configurations()) {
            Estimate e = figure.apply(c);
            bars.add(new Charts.Bar(view.label(c), e.mean() * scale, e.halfWidth95() * scale, view.color(c),
                    c.verdict().valid()));
        }
        return Charts.bars(title, yTitle, bars, Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
    }
}
