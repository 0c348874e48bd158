package corelab.reports;

import corelab.results.ComparisonResult;
import corelab.results.ConfigurationResult;
import corelab.results.RunResult;
import java.awt.Color;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run as the report reads it: its configurations grouped by workload, a short label per
 * configuration, one colour per label, and the headline slice of each workload that the bar
 * charts and the summary show when the run swept load or cores.
 */
final class RunView {
    private final RunResult run;
    private final Palette palette = new Palette();
    private final boolean threadsVary;
    private final boolean workersVary;
    private final boolean iterationsVary;

    /**
     * The configurations of one workload at one load level and one core count: the ones a bar chart
     * puts side by side and the harness compared with each other.
     */
    record Slice(String workload, String load, int coresAllowed, List<ConfigurationResult> configurations) {
        String describe() {
            return load + ", " + coresAllowed + (coresAllowed == 1 ? " core" : " cores");
        }
    }

    RunView(RunResult run) {
        this.run = run;
        this.threadsVary = varies(ConfigurationResult::threads);
        this.workersVary = varies(ConfigurationResult::workers);
        this.iterationsVary = run.configurations().stream().filter(RunView::usesCpu)
                .map(ConfigurationResult::cpuIterations).distinct().count() > 1;
    }

    RunResult run() {
        return run;
    }

    List<ConfigurationResult> configurations() {
        return run.configurations();
    }

    /** The workloads with ordinary runs: the ones the comparison charts and the rankings show. */
    List<String> workloads() {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        ordinary().forEach(c -> values.add(c.workload()));
        return List.copyOf(values);
    }

    /** Every workload of the run, fault runs' too. */
    List<String> allWorkloads() {
        return distinct(ConfigurationResult::workload);
    }

    /**
     * The fault runs, apart: one observation each, of one event, they are neither ranked nor
     * compared with the trials of ordinary runs, and have their own section.
     */
    List<ConfigurationResult> faultRuns() {
        return run.configurations().stream().filter(c -> c.fault() != null).toList();
    }

    private List<ConfigurationResult> ordinary() {
        return run.configurations().stream().filter(c -> c.fault() == null).toList();
    }

    List<String> modes() {
        return distinct(ConfigurationResult::mode);
    }

    /** The ordinary runs of a workload. */
    List<ConfigurationResult> of(String workload) {
        return ordinary().stream().filter(c -> c.workload().equals(workload)).toList();
    }

    /** "cluster", or "platform threads=50" when the run swept pool sizes: what tells two series apart. */
    String label(ConfigurationResult c) {
        return label(c, true) + (c.fault() == null ? "" : " " + c.fault().kind());
    }

    /** The label without the worker count, for a chart whose x axis is the worker count. */
    String labelWithoutWorkers(ConfigurationResult c) {
        return label(c, false);
    }

    private String label(ConfigurationResult c, boolean withWorkers) {
        StringBuilder label = new StringBuilder(c.mode());
        if (threadsVary && c.threads() != null) {
            label.append(" threads=").append(c.threads());
        }
        if (withWorkers && workersVary && c.workers() != null) {
            label.append(" workers=").append(c.workers());
        }
        if (iterationsVary && usesCpu(c)) {
            label.append(" iterations=").append(c.cpuIterations());
        }
        if (c.counter() != null) { // where the count lives is what a counter run is about
            label.append(" counter=").append(c.counter());
        }
        return label.toString();
    }

    /** The label, marked when the configuration is invalid: the name a series carries in every chart. */
    String seriesName(ConfigurationResult c) {
        return c.valid() ? label(c) : label(c) + " (INVALID)";
    }

    Color color(String label) {
        return palette.color(label);
    }

    Color color(ConfigurationResult c) {
        return c.valid() ? palette.color(label(c)) : Palette.INVALID;
    }

    /**
     * The slice of a workload that the bar charts show: the most cores the run allowed, and the load
     * level measured for the most configurations there (ties: the highest concurrency, then rate).
     */
    Slice headline(String workload) {
        List<ConfigurationResult> all = of(workload);
        int cores = all.stream().mapToInt(ConfigurationResult::coresAllowed).max().orElse(0);
        List<ConfigurationResult> atCores = all.stream().filter(c -> c.coresAllowed() == cores).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        atCores.forEach(c -> counts.merge(load(c), 1L, Long::sum));
        ConfigurationResult best = atCores.stream()
                .max(Comparator.<ConfigurationResult>comparingLong(c -> counts.get(load(c)))
                        .thenComparingInt(ConfigurationResult::concurrency)
                        .thenComparingDouble(c -> c.ratePerSecond() == null ? 0 : c.ratePerSecond()))
                .orElseThrow();
        String load = load(best);
        List<String> modes = modes();
        return new Slice(workload, load, cores, atCores.stream().filter(c -> load(c).equals(load))
                .sorted(Comparator.comparingInt(c -> modes.indexOf(c.mode()))).toList());
    }

    /** The load level as the harness names it in comparisons: "closed c64", "open c64 rate 1000/s". */
    static String load(ConfigurationResult c) {
        return c.loadModel() + " c" + c.concurrency()
                + (c.ratePerSecond() == null ? "" : String.format(Locale.ROOT, " rate %.0f/s", c.ratePerSecond()));
    }

    /** The saved comparison of two configurations, whichever way round it was made. */
    Optional<ComparisonResult> comparison(ConfigurationResult a, ConfigurationResult b) {
        return run.comparisons().stream()
                .filter(r -> r.comparison().nameA().equals(a.id()) && r.comparison().nameB().equals(b.id())
                        || r.comparison().nameA().equals(b.id()) && r.comparison().nameB().equals(a.id()))
                .findFirst();
    }

    /** The generator utilization above which the run called a trial saturated (the harness's default: 0.9). */
    double maxGeneratorUtilization() {
        try {
            return Double.parseDouble(run.options().getOrDefault("maxGeneratorUtilization", "0.9"));
        } catch (NumberFormatException e) {
            return 0.9;
        }
    }

    static boolean usesCpu(ConfigurationResult c) {
        return c.cpuIterations() != null && (c.workload().equals("cpu") || c.workload().equals("mixed"));
    }

    private boolean varies(Function<ConfigurationResult, Object> field) {
        return run.configurations().stream().map(field).filter(Objects::nonNull).distinct().count() > 1;
    }

    private List<String> distinct(Function<ConfigurationResult, String> field) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        run.configurations().forEach(c -> values.add(field.apply(c)));
        return List.copyOf(values);
    }
}
