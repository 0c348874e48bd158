package corelab.reports;

import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import corelab.results.ProcessUsage;
import corelab.results.TrialResult;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;

/**
 * Fairness: the share of requests each cluster worker served. How even it can be depends on
 * who picks a worker for each connection ({@code -Dbalance=}): a hash ({@code kernel}), the
 * acceptor the kernel wakes ({@code shared}), or the primary, in turn ({@code rr}, {@code proxy}).
 */
final class FairnessChart {
    static final String TITLE = "Fairness: requests per cluster worker";

    private FairnessChart() {
    }

    static Section section(RunView view) {
        List<CategoryChart> panels = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            for (ConfigurationResult c : view.headline(workload).configurations()) {
                Map<Long, List<Double>> shares = shares(c);
                if (shares.size() >= 2) {
                    panels.add(panel(view, c, shares, figures));
                }
            }
        }
        if (panels.isEmpty()) {
            return Section.absent(TITLE, "No cluster configuration in this run reported requests per worker, so"
                    + " there is no fairness to draw.");
        }
        String caption = "The share of all requests that each cluster worker answered (identified by its process id),"
                + " mean over trials with 95% intervals; the horizontal line is the fair share, 1 / workers. Look for:"
                + " workers far above or below the line. Connections, not requests, are spread, by -Dbalance: kernel"
                + " (SO_REUSEPORT) hashes each connection to one worker's queue, so with few connections one worker"
                + " can get several and another none; shared leaves it to whichever worker the kernel wakes to accept"
                + " from the one queue, which need not be fair either; rr, proxy and nginx deal connections in turn."
                + " From the means: " + String.join("; ", figures) + ".";
        return new Section(TITLE, List.of(new Figure(TITLE, caption, Charts.png(panels, Math.min(3, panels.size())))),
                List.of());
    }

    /** Per worker (by pid, in pid order), its share in percent of each trial it served in. */
    private static Map<Long, List<Double>> shares(ConfigurationResult c) {
        Map<Long, List<Double>> shares = new TreeMap<>();
        for (TrialResult t : c.trials()) {
            if (t.server() == null) {
                continue;
            }
            List<ProcessUsage> workers = t.server().processes().stream().filter(p -> p.requests() >= 0).toList();
            long total = workers.stream().mapToLong(ProcessUsage::requests).sum();
            if (workers.size() < 2 || total == 0) {
                continue;
            }
            workers.forEach(p -> shares.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(100.0 * p.requests() / total));
        }
        return shares;
    }

    private static CategoryChart panel(RunView view, ConfigurationResult c, Map<Long, List<Double>> shares,
                                       List<String> figures) {
        List<Charts.Bar> bars = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Long, List<Double>> worker : shares.entrySet()) {
            Estimate e = Estimate.of(worker.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            bars.add(new Charts.Bar("pid " + worker.getKey(), e.mean(), e.halfWidth95(), view.color(c),
                    c.verdict().valid()));
            lowest = Math.min(lowest, e.mean());
            highest = Math.max(highest, e.mean());
        }
        double fair = 100.0 / shares.size();
        String workload = c.configuration().workload();
        String title = view.seriesName(c) + " on " + workload + " (" + Comparisons.load(c) + "): fair share "
                + Numbers.percent(fair);
        CategoryChart chart = Charts.bars(title, "% of requests", bars, Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(highest * 1.25, fair * 1.5));
        chart.getStyler().setAnnotationLineColor(Palette.LIMIT);
        chart.addAnnotation(new AnnotationLine(fair, false, false));
        figures.add(workload + ": " + shares.size() + " workers served between " + Numbers.percent(lowest) + " and "
                + Numbers.percent(highest) + " of requests (fair share " + Numbers.percent(fair) + ")");
        return chart;
    }
}
