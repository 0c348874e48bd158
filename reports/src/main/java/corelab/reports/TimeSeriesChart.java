package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.IntervalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;

/** Throughput, errors and p99 latency second by second: what the fault labs watch. */
final class TimeSeriesChart {
    static final String HEADING = "Second by second";

    private TimeSeriesChart() {
    }

    static Section section(RunView view) {
        List<Figure> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            List<ConfigurationResult> configurations = slice.configurations().stream()
                    .filter(Timeline::hasIntervals).toList();
            if (configurations.isEmpty()) {
                continue;
            }
            String title = "Second by second: " + workload + " (" + slice.describe() + ")";
            List<XYChart> panels = List.of(
                    panel(view, configurations, "throughput", "requests per second", IntervalResult::throughputPerSecond),
                    panel(view, configurations, "errors", "failed requests per second",
                            i -> i.seconds() > 0 ? i.errors() / i.seconds() : Double.NaN),
                    panel(view, configurations, "p99 latency", "ms", i -> i.p99Micros() / 1000.0));
            String caption = "Each point is one interval (about a second) of the measured trials, laid end to end; thin"
                    + " vertical lines mark where a new trial begins (warm-up is not shown). Top: requests answered per"
                    + " second. Middle: failed requests per second (wrong answers, HTTP errors, timeouts, broken"
                    + " connections). Bottom: the 99th percentile of latency within the interval. Look for: dips in"
                    + " throughput that line up with spikes in p99 (a stall such as a garbage collection or a restarting"
                    + " worker), error bursts, and trials that differ from the others. A gap is an interval with no"
                    + " answered request.";
            figures.add(new Figure(title, caption, Charts.png(panels, 1)));
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "No interval was saved in this run, so there is no time series to draw.");
        }
        return new Section(HEADING, figures, List.of());
    }

    static XYChart panel(RunView view, List<ConfigurationResult> configurations, String title, String yTitle,
                         ToDoubleFunction<IntervalResult> figure) {
        XYChart chart = Charts.xy(title, "seconds of measurement", yTitle, Charts.WIDE_WIDTH, Charts.STRIP_HEIGHT);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Timeline.span(configurations));
        // Where every series has one work size (CPU over time draws one chart per size), a mode keeps its own colour
        // from chart to chart; where sizes share a chart, each size needs its own.
        boolean oneSize = configurations.stream().map(c -> c.configuration().cpuIterations()).distinct().count() <= 1;
        for (ConfigurationResult c : configurations) {
            Charts.trace(chart, view.seriesName(c), Timeline.seconds(c), Timeline.values(c, figure),
                    oneSize ? view.colorIgnoringSize(c) : view.color(c), c.verdict().valid());
        }
        Timeline.markTrials(chart, configurations.get(0));
        return chart;
    }
}
