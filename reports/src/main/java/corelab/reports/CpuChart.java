package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.IntervalResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;

/**
 * Server and load-generator CPU over time. A generator near its limit measures itself, not
 * the server: this is where a saturated generator becomes visible.
 */
final class CpuChart {
    static final String HEADING = "CPU over time";

    private CpuChart() {
    }

    static Section section(RunView view) {
        List<Figure> figures = new ArrayList<>();
        double limitPercent = 100 * view.maxGeneratorUtilization();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            // A sweep over the work size: one chart per size, or every mode at every size would share one.
            Map<Integer, List<ConfigurationResult>> bySize = slice.configurations().stream()
                    .filter(Timeline::hasIntervals).collect(Collectors.groupingBy(
                            c -> Objects.requireNonNullElse(c.configuration().cpuIterations(), 0), TreeMap::new,
                            Collectors.toList()));
            bySize.forEach((size, configurations) -> figures.add(figure(view, workload, slice, configurations,
                    bySize.size() > 1 ? ", " + size + " iterations" : "", limitPercent)));
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "No interval was saved in this run, so there is no CPU over time to draw.");
        }
        return new Section(HEADING, figures, List.of());
    }

    private static Figure figure(RunView view, String workload, RunView.Slice slice,
                                 List<ConfigurationResult> configurations, String size, double limitPercent) {
        double span = Timeline.span(configurations);
        XYChart server = TimeSeriesChart.panel(view, configurations, "server CPU", "cores busy",
                IntervalResult::serverCpuCores);
        double busiest = configurations.stream().flatMapToDouble(c -> Arrays.stream(
                Timeline.values(c, IntervalResult::serverCpuCores))).filter(Double::isFinite).max().orElse(0);
        server.getStyler().setYAxisMin(0.0).setYAxisMax(1.1 * Math.max(busiest, slice.coresAllowed()));
        Charts.reference(server, "cores allowed (" + slice.coresAllowed() + ")", new double[] {0, span},
                new double[] {slice.coresAllowed(), slice.coresAllowed()}, Palette.LIMIT);
        XYChart generator = TimeSeriesChart.panel(view, configurations, "load generator CPU",
                "% of its threads' time", i -> 100 * i.generatorUtilization());
        Charts.reference(generator, "saturated above " + Numbers.percent(limitPercent), new double[] {0, span},
                new double[] {limitPercent, limitPercent}, Palette.LIMIT);
        generator.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        String title = "CPU over time: " + workload + size + " (" + slice.describe() + ")";
        String caption = "Top: cores the server's whole process tree kept busy in each interval (CPU seconds per"
                + " second); the dotted line is the cores it was allowed. Bottom: how busy the load generator's own"
                + " threads were. Look for: a server below its cores while throughput is flat (it is waiting, not"
                + " computing: a single event loop can keep only one core busy), and a generator line near the"
                + " dotted limit of " + Numbers.percent(limitPercent) + ": then the generator, not the server, set"
                + " the pace, and the configuration is marked INVALID. A gap is an interval where the server's CPU"
                + " could not be read.";
        return new Figure(title, caption, Charts.png(List.of(server, generator), 1));
    }
}
