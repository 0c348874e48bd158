package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ProcessUsage;
import corelab.results.TrialResult;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;

/** Resident memory per mode, for the whole process tree and per process, and threads per process. */
final class MemoryChart {
    static final String TITLE = "Memory and threads";
    private static final double MB = 1e-6;

    private MemoryChart() {
    }

    static Section section(RunView view) {
        boolean anyServer = view.configurations().stream()
                .anyMatch(c -> c.trials().stream().anyMatch(t -> t.server() != null));
        if (!anyServer) {
            return Section.absent(TITLE, "corelab did not start the server in this run (-Dtarget), so it could not"
                    + " measure the server's memory or threads.");
        }
        List<CategoryChart> panels = new ArrayList<>();
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            panels.add(ThroughputChart.panel(view, slice, workload + ": RSS, whole server (" + slice.describe() + ")",
                    "MB", c -> c.summary().serverRssBytes(), MB));
        }
        for (String workload : view.workloads()) {
            panels.add(perProcess(view, view.headline(workload), workload + ": RSS per process", "MB",
                    p -> p.rssBytes() * MB));
        }
        for (String workload : view.workloads()) {
            panels.add(perProcess(view, view.headline(workload), workload + ": threads per process", "threads",
                    ProcessUsage::threads));
        }
        String caption = "Top row: the largest resident memory (RSS) of the server's whole process tree during each"
                + " trial, mean and 95% interval over trials. Middle row: the same divided among the processes (a cluster"
                + " is a primary plus its workers; the label says how many processes, e.g. x3). Bottom row: threads per"
                + " process. Look for: what a cluster pays in memory for running one JVM per worker, and how many"
                + " threads a thread-per-connection mode holds compared with an event loop. Grey bars marked (INVALID)"
                + " are not to be trusted.";
        return new Section(TITLE, List.of(new Figure(TITLE, caption,
                Charts.png(panels, Math.min(4, view.workloads().size())))), List.of());
    }

    /** A bar per configuration: the per-trial mean over its processes, estimated across trials. */
    private static CategoryChart perProcess(RunView view, RunView.Slice slice, String title, String yTitle,
                                            ToDoubleFunction<ProcessUsage> figure) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (ConfigurationResult c : slice.configurations()) {
            List<TrialResult> measured = c.trials().stream()
                    .filter(t -> t.server() != null && !t.server().processes().isEmpty()).toList();
            Estimate e = Estimate.of(measured.stream()
                    .mapToDouble(t -> t.server().processes().stream().mapToDouble(figure).average().orElseThrow())
                    .toArray());
            int processes = measured.stream().mapToInt(t -> t.server().processes().size()).max().orElse(0);
            String name = processes > 1 ? view.label(c) + " x" + processes : view.label(c);
            bars.add(new Charts.Bar(name, e.mean(), e.halfWidth95(), view.color(c), c.verdict().valid()));
        }
        return Charts.bars(title, yTitle, bars, Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
    }
}
