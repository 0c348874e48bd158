package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.FaultResult;
import corelab.results.FaultSentences;
import corelab.results.IntervalResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * Faults under load: each fault run's window at its fine interval, with the kill, the
 * restart and the recovery marked, so the error burst, the dip and the way back are seen
 * where they happened. One run is one observation, and the section says so.
 */
final class FaultChart {
    static final String HEADING = "Faults under load";
    private static final Color MARK = new Color(0x44, 0x44, 0x44);

    private FaultChart() {
    }

    static Section section(RunView view) {
        List<ConfigurationResult> faults = view.faultRuns();
        if (faults.isEmpty()) {
            return Section.absent(HEADING, "No fault was fired in this run (-Dfault=kill-worker@3s or kill-server@3s"
                    + " fires one).");
        }
        List<Figure> figures = new ArrayList<>();
        for (ConfigurationResult c : faults) {
            FaultResult f = c.fault();
            List<XYChart> panels = List.of(
                    panel(view, c, "throughput", "requests per second", true),
                    panel(view, c, "failed requests", "failed requests per second", false));
            String title = view.label(c) + " on " + c.configuration().workload() + ": " + f.kind() + " at "
                    + String.format(Locale.ROOT, "%.1f s", f.firedAtSeconds());
            String caption = FaultSentences.of(c) + " Each point is one " + f.sampleMillis() + " ms interval of the"
                    + " measured window (warm-up not shown). The vertical lines mark the fault (" + f.kind() + "), the"
                    + " moment the replacement was ready" + (f.gaveUp() ? ", the moment the server gave up" : "")
                    + ", and the recovery: throughput back to at least "
                    + Math.round(100 * FaultResult.RECOVERED_SHARE) + "% of its mean before the kill (dotted lines),"
                    + " with no failed request, for " + FaultResult.RECOVERY_HOLD_MILLIS / 1000 + " s."
                    + (c.verdict().valid() ? "" : " INVALID: " + String.join("; ", c.verdict().invalidReasons()) + ".");
            figures.add(new Figure(title, caption, Charts.png(panels, 1)));
        }
        List<String> notes = List.of("A fault run is one observation of one event: its figures have no confidence"
                + " interval, and a second run would give somewhat different ones. Its window is the trials' time"
                + " back to back, sampled every " + faults.get(0).fault().sampleMillis() + " ms. A refused or"
                + " reset connection counts as a failed request, and each connection retries every 100 ms, so"
                + " during an outage the failed count grows with the connections and the outage's length.");
        return new Section(HEADING, figures, notes);
    }

    private static XYChart panel(RunView view, ConfigurationResult c, String title, String yTitle, boolean throughput) {
        FaultResult f = c.fault();
        List<IntervalResult> intervals = c.trials().get(0).intervals();
        double[] x = intervals.stream().mapToDouble(i -> i.startSeconds() + i.seconds() / 2).toArray();
        double[] y = intervals.stream().mapToDouble(i -> throughput ? i.throughputPerSecond()
                : i.seconds() > 0 ? i.errors() / i.seconds() : Double.NaN).toArray();
        double end = c.trials().get(0).seconds();
        XYChart chart = Charts.xy(title, "seconds of the measured window", yTitle, Charts.WIDE_WIDTH, Charts.STRIP_HEIGHT);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(end);
        chart.getStyler().setAnnotationLineColor(MARK);
        Charts.trace(chart, view.seriesName(c), x, y, view.color(c), c.verdict().valid());
        double top = 0;
        for (double v : y) {
            top = Double.isFinite(v) ? Math.max(top, v) : top;
        }
        if (throughput && f.throughputBeforePerSecond() > 0) {
            double before = f.throughputBeforePerSecond();
            Charts.reference(chart, String.format(Locale.ROOT, "mean before the kill (%.0f/s)", before),
                    new double[] {0, end}, new double[] {before, before}, MARK);
            double share = FaultResult.RECOVERED_SHARE * before;
            Charts.reference(chart, Math.round(100 * FaultResult.RECOVERED_SHARE) + "% of it: recovered",
                    new double[] {0, end}, new double[] {share, share}, Palette.INVALID);
        }
        mark(chart, f.firedAtSeconds(), f.kind(), top);
        if (f.gaveUp()) {
            mark(chart, f.firedAtSeconds() + f.gaveUpMillis() / 1000.0, "gave up (exit " + f.gaveUpExitCode() + ")",
                    top * 0.9);
        }
        if (f.restartMillis() != null) {
            mark(chart, f.firedAtSeconds() + f.restartMillis() / 1000.0, "ready", top * 0.8);
        }
        if (f.recoveryMillis() != null) {
            mark(chart, f.firedAtSeconds() + f.recoveryMillis() / 1000.0, "recovered", top * 0.6);
        }
        return chart;
    }

    private static void mark(XYChart chart, double seconds, String text, double y) {
        chart.addAnnotation(new AnnotationLine(seconds, true, false));
        if (y > 0) {
            chart.addAnnotation(new AnnotationText(" " + text, seconds, y, false));
        }
    }
}
