package corelab.reports;

import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.knowm.xchart.XYChart;

/**
 * Scaling: throughput against the cores the server was allowed (-Dcores list) or the cluster's
 * worker count (-Dworkers list), with each mode's ideal linear line from its smallest point.
 */
final class ScalingChart {
    static final String HEADING = "Scaling";

    private ScalingChart() {
    }

    static Section section(RunView view) {
        List<Figure> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            List<ConfigurationResult> atLoad = view.of(workload).stream()
                    .filter(c -> Comparisons.load(c).equals(slice.load())).toList();
            Map<String, List<ConfigurationResult>> byCores = groups(atLoad, view::label,
                    c -> c.configuration().coresAllowed());
            if (!byCores.isEmpty()) {
                figures.add(figure(view, workload + " (" + slice.load() + ")", "cores allowed", byCores,
                        c -> c.configuration().coresAllowed()));
            }
            List<ConfigurationResult> clusters = atLoad.stream()
                    .filter(c -> c.configuration().workers() != null
                            && c.configuration().coresAllowed() == slice.coresAllowed()).toList();
            Map<String, List<ConfigurationResult>> byWorkers = groups(clusters, view::labelWithoutWorkers,
                    c -> c.configuration().workers());
            if (!byWorkers.isEmpty()) {
                figures.add(figure(view, workload + " (" + slice.describe() + ")", "cluster workers", byWorkers,
                        c -> c.configuration().workers()));
            }
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "This run measured each mode at one core count and one worker count (no"
                    + " list given to -Dcores or -Dworkers), so there is no scaling to draw.");
        }
        return new Section(HEADING, figures, List.of());
    }

    /** Series with at least two distinct values of the scaling variable, sorted along it. */
    private static Map<String, List<ConfigurationResult>> groups(List<ConfigurationResult> configurations,
                                                                 Function<ConfigurationResult, String> label,
                                                                 ToIntFunction<ConfigurationResult> x) {
        Map<String, List<ConfigurationResult>> groups = new LinkedHashMap<>();
        configurations.forEach(c -> groups.computeIfAbsent(label.apply(c), k -> new ArrayList<>()).add(c));
        groups.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(x)).toList());
        groups.values().removeIf(v -> v.stream().mapToInt(x).distinct().count() < 2);
        return groups;
    }

    private static Figure figure(RunView view, String what, String xTitle, Map<String, List<ConfigurationResult>> groups,
                                 ToIntFunction<ConfigurationResult> x) {
        String title = "Scaling with " + xTitle + ": " + what;
        XYChart chart = Charts.xy(title, xTitle, "requests per second", Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT);
        chart.getStyler().setYAxisMin(0.0);
        List<String> figures = new ArrayList<>();
        groups.forEach((label, points) -> {
            List<ConfigurationResult> valid = points.stream().filter(c -> c.verdict().valid()).toList();
            List<ConfigurationResult> invalid = points.stream().filter(c -> !c.verdict().valid()).toList();
            if (!valid.isEmpty()) {
                Charts.line(chart, label, xs(valid, x), means(valid), halfWidths(valid), view.color(label), true);
            }
            if (!invalid.isEmpty()) {
                Charts.line(chart, label + " (INVALID)", xs(invalid, x), means(invalid), halfWidths(invalid),
                        Palette.INVALID, false);
            }
            if (valid.size() >= 2) {
                ConfigurationResult first = valid.get(0);
                ConfigurationResult last = valid.get(valid.size() - 1);
                double x0 = x.applyAsInt(first);
                double perUnit = first.summary().throughputPerSecond().mean() / x0;
                double[] idealX = {x0, x.applyAsInt(last)};
                double[] idealY = {perUnit * idealX[0], perUnit * idealX[1]};
                Charts.reference(chart, label + ": ideal linear", idealX, idealY, view.color(label));
                double measured = last.summary().throughputPerSecond().mean();
                figures.add(label + ": " + Numbers.fixed(measured / first.summary().throughputPerSecond().mean(), 2)
                        + "x the throughput from " + x.applyAsInt(first) + " to " + x.applyAsInt(last) + " "
                        + xTitle + " (" + Numbers.percent(100 * measured / idealY[1]) + " of linear)");
            }
        });
        String caption = "Throughput as the server gets more " + xTitle + ", one line per mode with 95% confidence"
                + " intervals; the dotted line in the same colour is that mode's ideal: perfectly linear scaling from"
                + " its smallest measurement. Look for: how far each mode falls below its ideal (a mode that cannot use"
                + " another core stays flat), and whether one mode gains more than another."
                + (figures.isEmpty() ? "" : " From the means: " + String.join("; ", figures) + ".")
                + " Grey points marked (INVALID) are not to be trusted and are left out of the ideal.";
        return new Figure(title, caption, Charts.png(chart));
    }

    private static double[] xs(List<ConfigurationResult> points, ToIntFunction<ConfigurationResult> x) {
        return points.stream().mapToDouble(x::applyAsInt).toArray();
    }

    private static double[] means(List<ConfigurationResult> points) {
        return points.stream().mapToDouble(c -> Charts.finiteOrZero(c.summary().throughputPerSecond().mean())).toArray();
    }

    private static double[] halfWidths(List<ConfigurationResult> points) {
        return points.stream().mapToDouble(c -> c.summary().throughputPerSecond().halfWidth95()).toArray();
    }
}
