package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.IntervalResult;
import corelab.results.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;

/**
 * A configuration's intervals on one time axis: its trials one after another, as they were
 * measured (warm-up excluded), so a dip, a stall or an error burst shows where it happened.
 */
final class Timeline {
    private Timeline() {
    }

    /** Seconds from the start of the first trial to the middle of each interval, trial after trial. */
    static double[] seconds(ConfigurationResult c) {
        List<Double> x = new ArrayList<>();
        double offset = 0;
        for (TrialResult t : c.trials()) {
            for (IntervalResult i : t.intervals()) {
                x.add(offset + i.startSeconds() + i.seconds() / 2);
            }
            offset += t.seconds();
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One figure per interval, in the order of {@link #seconds}; NaN (a gap) where it is unknown. */
    static double[] values(ConfigurationResult c, ToDoubleFunction<IntervalResult> figure) {
        return c.trials().stream().flatMap(t -> t.intervals().stream()).mapToDouble(figure).toArray();
    }

    static boolean hasIntervals(ConfigurationResult c) {
        return c.trials().stream().anyMatch(t -> !t.intervals().isEmpty());
    }

    /** Thin vertical lines where each trial after the first begins (of the slice's first configuration). */
    static void markTrials(XYChart chart, ConfigurationResult c) {
        double offset = 0;
        for (int i = 0; i < c.trials().size(); i++) {
            if (i > 0) {
                chart.addAnnotation(new AnnotationLine(offset, true, false));
            }
            offset += c.trials().get(i).seconds();
        }
    }

    /** The length of the longest configuration's trials laid end to end. */
    static double span(List<ConfigurationResult> configurations) {
        return configurations.stream().mapToDouble(c -> c.trials().stream().mapToDouble(TrialResult::seconds).sum())
                .max().orElse(1);
    }
}
