package corelab.reports;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;

/** Throughput per core, in its two forms: per core allowed, and per CPU-second actually used. */
final class PerCoreChart {
    static final String TITLE = "Throughput per core";

    private PerCoreChart() {
    }

    static Section section(RunView view) {
        List<CategoryChart> panels = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            panels.add(ThroughputChart.panel(view, slice, workload + ": per core allowed (" + slice.describe() + ")",
                    "requests per second per core", c -> c.summary().throughputPerCore(), 1));
        }
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            panels.add(ThroughputChart.panel(view, slice, workload + ": per server CPU-second", "requests per CPU-second",
                    c -> c.summary().requestsPerCpuSecond(), 1));
        }
        String caption = "Top row: throughput divided by the cores the server was allowed (req/s/core): how much of"
                + " the machine a mode turns into answers. Bottom row: requests answered per second of CPU the server's"
                + " whole process tree actually used (user + system): what one request costs. Look for a mode that is"
                + " low on top but high below: it is cheap per request but leaves cores idle. Error bars are 95%"
                + " confidence intervals; grey bars marked (INVALID) are not to be trusted.";
        int columns = view.workloads().size();
        return new Section(TITLE, List.of(new Figure(TITLE, caption, Charts.png(panels, Math.min(4, columns)))),
                columns > 4 ? List.of("With more than four workloads the rows wrap: the per-CPU-second panels follow"
                        + " the per-core ones.") : List.of());
    }
}
