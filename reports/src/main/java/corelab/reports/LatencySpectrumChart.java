package corelab.reports;

import corelab.results.ConfigurationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * The latency percentile spectrum per mode, the way HdrHistogram plots it: the x axis is
 * 1/(1-p) on a log scale, so p90, p99, p99.9 and p99.99 are equally spaced and the tail gets
 * as much room as the median. For open load, corrected and uncorrected side by side.
 */
final class LatencySpectrumChart {
    static final String HEADING = "Latency percentile spectrum";
    /** log10(1/(1-p)) from p50 to p99.99. */
    private static final double FROM = Math.log10(2);
    private static final double TO = 4;
    private static final int POINTS = 80;
    private static final String[] TICK_NAMES = {"p50", "p90", "p99", "p99.9", "p99.99"};
    private static final double[] TICKS = {FROM, 1, 2, 3, 4};

    private LatencySpectrumChart() {
    }

    static Section section(RunView view) {
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            List<ConfigurationResult> withHistograms = slice.configurations().stream()
                    .filter(c -> LatencyHistograms.corrected(c) != null).toList();
            if (withHistograms.isEmpty()) {
                notes.add("No latency histogram was saved for " + workload + ", so its spectrum cannot be drawn.");
                continue;
            }
            boolean open = withHistograms.stream().anyMatch(c -> LatencyHistograms.uncorrected(c) != null);
            figures.add(open ? openFigure(view, slice, withHistograms) : closedFigure(view, slice, withHistograms));
        }
        return new Section(HEADING, figures, notes);
    }

    private static Figure closedFigure(RunView view, RunView.Slice slice, List<ConfigurationResult> configurations) {
        String title = "Latency percentile spectrum: " + slice.workload() + " (" + slice.describe() + ")";
        XYChart chart = spectrum(view, title, configurations, LatencyHistograms::corrected, Charts.WIDE_WIDTH,
                Double.NaN);
        String caption = "Latency at every percentile from p50 to p99.99, read from the full latency histograms of"
                + " all trials together. The x axis is 1/(1-p) on a log scale, so each step right is ten times rarer:"
                + " p90, p99, p99.9, p99.99. Under closed load a request is timed from when it is sent. Look for: where"
                + " each mode's curve turns upward (its tail begins), curves that cross (a mode with the better median"
                + " but the worse tail), and steps (a pause, such as garbage collection, felt by many requests at"
                + " once). The far right rests on few requests: read it as an order of magnitude.";
        return new Figure(title, caption, Charts.png(chart));
    }

    private static Figure openFigure(RunView view, RunView.Slice slice, List<ConfigurationResult> configurations) {
        String title = "Latency percentile spectrum: " + slice.workload() + " (" + slice.describe() + ")";
        double yMax = 0;
        for (ConfigurationResult c : configurations) {
            yMax = Math.max(yMax, maxMillis(LatencyHistograms.corrected(c)));
            yMax = Math.max(yMax, maxMillis(LatencyHistograms.uncorrected(c)));
        }
        int width = Charts.WIDE_WIDTH / 2;
        XYChart corrected = spectrum(view, "corrected (from when each request was due)", configurations,
                LatencyHistograms::corrected, width, yMax * 1.05);
        XYChart uncorrected = spectrum(view, "uncorrected (from when it was sent)", configurations,
                LatencyHistograms::uncorrected, width, yMax * 1.05);
        String caption = "Latency at every percentile from p50 to p99.99 under open load (a fixed arrival rate), from"
                + " the full histograms of all trials together, on the same scale side by side. Left: corrected latency,"
                + " timed from when each request was due by the schedule (wrk2's correction for coordinated omission)."
                + " Right: uncorrected, timed from when it was actually sent. The x axis is 1/(1-p) on a log scale:"
                + " p90, p99, p99.9, p99.99 are equally spaced. Look for: a gap between left and right, which is time"
                + " requests spent waiting to be sent because the server had fallen behind; the uncorrected figure"
                + " hides it, and a user would have felt it.";
        return new Figure(title, caption, Charts.png(List.of(corrected, uncorrected), 2));
    }

    private static XYChart spectrum(RunView view, String title, List<ConfigurationResult> configurations,
                                    Function<ConfigurationResult, Histogram> histogramOf, int width, double yMax) {
        XYChart chart = Charts.xy(title, "percentile (log scale of 1/(1-p))", "latency (ms)", width, Charts.WIDE_HEIGHT);
        chart.getStyler().setXAxisTicksVisible(false).setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisMin(FROM).setXAxisMax(TO);
        double top = yMax;
        for (ConfigurationResult c : configurations) {
            Histogram histogram = histogramOf.apply(c);
            if (histogram == null) {
                continue;
            }
            double[] x = new double[POINTS];
            double[] y = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                x[i] = FROM + (TO - FROM) * i / (POINTS - 1);
                double percent = 100 * (1 - Math.pow(10, -x[i]));
                y[i] = LatencyHistograms.valueAt(histogram, percent) / 1000.0;
            }
            Charts.trace(chart, view.seriesName(c), x, y, view.color(c), c.verdict().valid());
            if (Double.isNaN(yMax)) {
                top = Double.isNaN(top) ? y[POINTS - 1] : Math.max(top, y[POINTS - 1]);
            }
        }
        if (Double.isNaN(yMax)) {
            top *= 1.05;
        }
        // The percentile names are drawn as annotations: XChart's own ticks on a log axis cannot be renamed.
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(top > 0 ? top : 1.0);
        for (int i = 0; i < TICKS.length; i++) {
            chart.addAnnotation(new AnnotationLine(TICKS[i], true, false));
            chart.addAnnotation(new AnnotationText(TICK_NAMES[i], TICKS[i] + (i == 0 ? 0.08 : 0), top * 0.02 + 0.0,
                    false));
        }
        return chart;
    }

    private static double maxMillis(Histogram histogram) {
        return histogram == null ? 0 : LatencyHistograms.valueAt(histogram, 99.99) / 1000.0;
    }
}
