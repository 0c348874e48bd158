package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ProcessUsage;
import corelab.results.TrialResult;
import corelab.results.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;

/**
 * Where a cluster's CPU goes, per request: its primary (the root of the server's process
 * tree), a front it started (nginx), and its workers (the processes that report requests).
 * The primary's share is the cost of the balancing strategy: nothing for the kernel's, a
 * hand-off per connection for {@code rr}, every byte for {@code proxy}.
 */
final class ClusterCpuChart {
    static final String TITLE = "Cluster CPU per request: primary, front and workers";

    private ClusterCpuChart() {
    }

    static Section section(RunView view) {
        List<CategoryChart> panels = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            List<Charts.Bar> bars = new ArrayList<>();
            for (ConfigurationResult c : view.headline(workload).configurations()) {
                List<TrialResult> trials = c.trials().stream().filter(ClusterCpuChart::isCluster).toList();
                if (trials.isEmpty()) {
                    continue;
                }
                Estimate primary = perRequest(trials, t -> primary(t).cpuSeconds());
                Estimate front = perRequest(trials, t -> others(t, false));
                Estimate workers = perRequest(trials, t -> others(t, true));
                String series = view.seriesName(c);
                bars.add(new Charts.Bar(series + " primary", primary.mean(), primary.halfWidth95(), view.color(c),
                        c.verdict().valid()));
                if (front.mean() > 0) {
                    bars.add(new Charts.Bar(series + " front", front.mean(), front.halfWidth95(), view.color(c),
                            c.verdict().valid()));
                }
                bars.add(new Charts.Bar(series + " workers", workers.mean(), workers.halfWidth95(), view.color(c),
                        c.verdict().valid()));
                figures.add(series + " on " + workload + ": primary " + Numbers.fixed(primary.mean(), 2)
                        + " us, workers " + Numbers.fixed(workers.mean(), 2) + " us per request"
                        + (front.mean() > 0 ? ", front " + Numbers.fixed(front.mean(), 2) + " us" : ""));
            }
            if (!bars.isEmpty()) {
                panels.add(Charts.bars(workload + " (" + view.headline(workload).describe() + ")",
                        "CPU us per request", bars, Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT));
            }
        }
        if (panels.isEmpty()) {
            return Section.absent(TITLE, "No cluster configuration in this run, so there is no primary to set"
                    + " beside its workers.");
        }
        String caption = "CPU time (user + system, from /proc) per answered request, mean over trials with 95%"
                + " intervals: the cluster's primary process, a front it started (nginx's processes), and all its"
                + " workers together. Look for: the primary's bar. Under kernel and shared the primary touches no"
                + " connection; under rr it accepts each connection and hands it to a worker, a cost per connection;"
                + " under proxy it copies every byte of every request and answer. From the means: "
                + String.join("; ", figures) + ".";
        return new Section(TITLE, List.of(new Figure(TITLE, caption, Charts.png(panels, Math.min(3, panels.size())))),
                List.of());
    }

    /** A cluster's trial: a root process that serves no requests itself, and workers that report theirs. */
    private static boolean isCluster(TrialResult t) {
        return t.server() != null && t.server().processes().size() >= 2 && t.completed() > 0
                && primary(t).requests() < 0 && t.server().processes().stream().anyMatch(p -> p.requests() >= 0);
    }

    /** The root of the server's process tree: the sampler lists it first. */
    private static ProcessUsage primary(TrialResult t) {
        return t.server().processes().getFirst();
    }

    /** CPU seconds of the workers ({@code workers} true) or of the other non-root processes (a front). */
    private static double others(TrialResult t, boolean workers) {
        List<ProcessUsage> processes = t.server().processes();
        return processes.subList(1, processes.size()).stream().filter(p -> (p.requests() >= 0) == workers)
                .mapToDouble(ProcessUsage::cpuSeconds).sum();
    }

    private static Estimate perRequest(List<TrialResult> trials, ToDoubleFunction<TrialResult> cpuSeconds) {
        return Estimate.of(trials.stream().mapToDouble(t -> 1e6 * cpuSeconds.applyAsDouble(t) / t.completed())
                .toArray());
    }
}
