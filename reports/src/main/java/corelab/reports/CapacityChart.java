package corelab.reports;

import corelab.results.Capacity;
import corelab.results.Capacity.ModeCapacity;
import corelab.results.Capacity.RateP99;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Capacity at a latency target ({@code -Dp99TargetMillis}): p99 against offered rate, one line per mode and
 * one chart per workload, with the target drawn across and each mode's capacity marked; then a small table of
 * the same answers in words. Drawn from results.json's {@code capacity} only.
 */
final class CapacityChart {
    static final String HEADING = "Capacity at a latency target";

    private CapacityChart() {
    }

    static Section section(RunView view) {
        Capacity capacity = view.run().capacity();
        if (capacity == null) {
            return Section.absent(HEADING, "No latency target was given in this run (-Dload=open -Drate=500,1000,2000"
                    + " -Dp99TargetMillis=10 finds the highest rate each mode sustains with p99 under 10 ms).");
        }
        if (capacity.modes().isEmpty()) {
            return Section.absent(HEADING, "No mode was measured at two open-load rates or more before these results"
                    + " were saved, so there is no capacity to find yet.");
        }
        Set<String> workloads = new LinkedHashSet<>();
        capacity.modes().forEach(mode -> workloads.add(mode.workload()));
        List<Figure> figures = new ArrayList<>();
        for (String workload : workloads) {
            figures.add(figure(view, capacity, capacity.modes().stream()
                    .filter(m -> m.workload().equals(workload)).toList()));
        }
        return new Section(HEADING, figures, List.of("A rate counts as sustained by this rule: " + capacity.rule()
                + ". The capacity is the last rate sustained before the first that was not; between two swept rates"
                + " the run cannot say more than \"at least the one, below the other\"."));
    }

    private static Figure figure(RunView view, Capacity capacity, List<ModeCapacity> modes) {
        String workload = modes.get(0).workload();
        boolean loadsVary = modes.stream().map(m -> m.load() + m.coresAllowed()).distinct().count() > 1;
        String title = "p99 against offered rate: " + workload + " (target " + millis(capacity.p99TargetMillis())
                + ")";
        XYChart chart = Charts.xy(title, "offered rate (requests per second)", "p99 (ms): solid from when due, dashed from when sent",
                Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT);
        double minX = modes.stream().flatMap(m -> m.rates().stream()).mapToDouble(RateP99::ratePerSecond).min()
                .orElseThrow();
        double maxX = modes.stream().flatMap(m -> m.rates().stream()).mapToDouble(RateP99::ratePerSecond).max()
                .orElseThrow();
        double[] p99s = modes.stream().flatMap(m -> m.rates().stream())
                .flatMapToDouble(r -> DoubleStream.of(r.p99Micros() / 1000, uncorrectedP99Millis(view, r)))
                .filter(p -> p > 0 && Double.isFinite(p)).toArray();
        double minY = Math.min(capacity.p99TargetMillis(), Arrays.stream(p99s).min().orElse(1));
        double maxY = Math.max(capacity.p99TargetMillis(), Arrays.stream(p99s).max().orElse(1));
        // An overloaded mode's p99 grows by orders of magnitude: on a linear axis the others would be flat at zero.
        boolean logY = maxY / minY >= 20;
        // XChart labels a logarithmic axis at powers of ten only: a sweep within a decade or so reads better linear.
        chart.getStyler().setXAxisLogarithmic(maxX / minX >= 20);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0);
        }
        List<String> marks = new ArrayList<>();
        for (ModeCapacity mode : modes) {
            // Named and coloured as in every other chart of the report, through the configuration's own label.
            String modeLabel = view.configurations().stream()
                    .filter(c -> c.configuration().id().equals(mode.rates().get(0).configurationId())).findFirst()
                    .map(view::label).orElse(mode.mode());
            String label = modeLabel + (loadsVary ? " " + mode.load() + " " + mode.coresAllowed() + " cores" : "");
            Color color = view.color(modeLabel);
            add(chart, label, mode.rates().stream().filter(RateP99::valid).toList(), color, true);
            add(chart, label + " (INVALID)", mode.rates().stream().filter(r -> !r.valid()).toList(), color, false);
            uncorrected(view, chart, label, mode.rates(), color);
            if (mode.atLeastPerSecond() != null) {
                // On the target line, not on the mode's point: a point already sits there, and the diamond says
                // "up to here the mode met the target".
                XYSeries mark = chart.addSeries(label + " capacity", new double[] {mode.atLeastPerSecond()},
                        new double[] {capacity.p99TargetMillis()});
                mark.setMarker(SeriesMarkers.DIAMOND);
                mark.setMarkerColor(color);
                mark.setLineStyle(SeriesLines.NONE);
            }
            marks.add(label + ": " + reach(mode));
        }
        Charts.reference(chart, "target: " + capacity.target(), new double[] {minX, maxX},
                new double[] {capacity.p99TargetMillis(), capacity.p99TargetMillis()}, Palette.LIMIT);
        String caption = "Each point is one swept rate's p99 over all its trials together, timed from when each"
                + " request was due (corrected for coordinated omission); the dotted line is the target; a diamond"
                + " on it marks each mode's capacity, the last rate it sustained before the first it did not (none"
                + " when it sustained no swept rate). The dashed line of the same colour is the same requests' p99"
                + " timed from when each was sent (uncorrected): where it stays low while the solid line climbs, the"
                + " requests waited to be sent because the server had fallen behind, which only the corrected figure"
                + " counts. "
                + String.join("; ", marks) + ". A rate is sustained only if every one of its trials kept p99 under"
                + " the target (see the table); grey points marked (INVALID) never count.";
        return new Figure(title, caption, Charts.png(chart));
    }

    private static void add(XYChart chart, String name, List<RateP99> rates, Color color, boolean valid) {
        List<RateP99> answered = rates.stream().filter(r -> Double.isFinite(r.p99Micros())).toList();
        if (!answered.isEmpty()) {
            Charts.line(chart, name, answered.stream().mapToDouble(RateP99::ratePerSecond).toArray(),
                    answered.stream().mapToDouble(r -> r.p99Micros() / 1000).toArray(), null, color, valid);
        }
    }

    /** The uncorrected p99 of each valid rate's trials merged, dashed, where the run saved its histograms. */
    private static void uncorrected(RunView view, XYChart chart, String label, List<RateP99> rates, Color color) {
        List<RateP99> known = rates.stream().filter(RateP99::valid)
                .filter(r -> Double.isFinite(uncorrectedP99Millis(view, r))).toList();
        if (known.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(label + " uncorrected", known.stream().mapToDouble(RateP99::ratePerSecond)
                .toArray(), known.stream().mapToDouble(r -> uncorrectedP99Millis(view, r)).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(SeriesLines.DASH_DASH);
        series.setMarker(SeriesMarkers.TRIANGLE_DOWN);
    }

    /** The p99 from when each request was sent, over the rate's trials merged, ms; NaN where none was saved. */
    private static double uncorrectedP99Millis(RunView view, RateP99 rate) {
        return view.configurations().stream().filter(c -> c.configuration().id().equals(rate.configurationId()))
                .findFirst().map(LatencyHistograms::uncorrected)
                .map(h -> LatencyHistograms.valueAt(h, 99) / 1000.0).orElse(Double.NaN);
    }

    /** The table under the charts: each mode's capacity in words, and each rate's p99s. */
    static void table(StringBuilder html, RunView view) {
        Capacity capacity = view.run().capacity();
        if (capacity == null || capacity.modes().isEmpty()) {
            return;
        }
        html.append("<div class=\"scroll\"><table class=\"capacity\">\n<tr><th>mode</th><th>workload</th><th>load</th>"
                + "<th>cores</th><th>capacity at ").append(Html.text(capacity.target()))
                .append("</th><th>each rate: p99 of the trials merged / of the worst trial</th></tr>\n");
        for (ModeCapacity mode : capacity.modes()) {
            List<String> rates = mode.rates().stream().map(r -> String.format(Locale.ROOT, "%s: %s / %s %s",
                    rate(r.ratePerSecond()), millis(r.p99Micros() / 1000), millis(r.highestTrialP99Micros() / 1000),
                    r.sustained() ? "sustained" : "not sustained: " + r.why())).toList();
            html.append("<tr><td>").append(Html.text(mode.mode())).append("</td><td>").append(Html.text(mode.workload()))
                    .append("</td><td>").append(Html.text(mode.load())).append("</td><td>").append(mode.coresAllowed())
                    .append("</td><td>").append(Html.text(reach(mode))).append("</td><td>")
                    .append(Html.text(String.join("; ", rates))).append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    /** "at least 200/s, below 400/s", "below 100/s (none of the swept rates)", "at least 400/s (all ...: raise the sweep)". */
    static String reach(ModeCapacity mode) {
        return switch (mode.reach()) {
            case WITHIN_SWEEP -> "at least " + rate(mode.atLeastPerSecond()) + ", below " + rate(mode.belowPerSecond());
            case BELOW_SWEEP -> "below " + rate(mode.belowPerSecond()) + (mode.rates().stream()
                    .noneMatch(RateP99::sustained) ? " (none of the swept rates)" : " (the lowest swept rate failed)");
            case ABOVE_SWEEP -> "at least " + rate(mode.atLeastPerSecond()) + " (all of the swept rates: raise the sweep)";
        };
    }

    private static String rate(double perSecond) {
        return Numbers.compact(perSecond) + "/s";
    }

    private static String millis(double millis) {
        return Numbers.compact(millis) + " ms";
    }
}
