package corelab.reports;

import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.RunResult;
import corelab.results.stats.ComparisonFamily;
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
        this.threadsVary = varies(Configuration::threads);
        this.workersVary = varies(Configuration::workers);
        this.iterationsVary = run.configurations().stream().map(ConfigurationResult::configuration)
                .filter(RunView::usesCpu).map(Configuration::cpuIterations).distinct().count() > 1;
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
        ordinary().forEach(c -> values.add(c.configuration().workload()));
        return List.copyOf(values);
    }

    /** Every workload of the run, fault runs' too. */
    List<String> allWorkloads() {
        return distinct(Configuration::workload);
    }

    /**
     * The fault runs, apart: one observation each, of one event, they are neither ranked nor
     * compared with the trials of ordinary runs, and have their own section.
     */
    List<ConfigurationResult> faultRuns() {
        return run.configurations().stream().filter(c -> c.fault() != null).toList();
    }

    /**
     * What the charts and rankings set side by side. In a profiled run the unprofiled
     * configurations are the profiler's cost's baseline only: a profiled configuration's figures
     * include the profiler, so the two are never ranked together ({@link ProfileSection} compares them).
     */
    private List<ConfigurationResult> ordinary() {
        boolean profiledRun = run.configurations().stream().anyMatch(ConfigurationResult::profiled);
        return run.configurations().stream().filter(c -> c.fault() == null && c.profiled() == profiledRun).toList();
    }

    List<String> modes() {
        return distinct(Configuration::mode);
    }

    /** The ordinary runs of a workload. */
    List<ConfigurationResult> of(String workload) {
        return ordinary().stream().filter(c -> c.configuration().workload().equals(workload)).toList();
    }

    /** "cluster", or "platform threads=50" when the run swept pool sizes: what tells two series apart. */
    String label(ConfigurationResult c) {
        return label(c, true, true) + (c.fault() == null ? "" : " " + c.fault().kind());
    }

    /** The label without the worker count, for a chart whose x axis is the worker count. */
    String labelWithoutWorkers(ConfigurationResult c) {
        return label(c, false, true);
    }

    /** The label without the work size, for a chart whose x axis is the work size. */
    String labelWithoutIterations(ConfigurationResult c) {
        return label(c, true, false);
    }

    private String label(ConfigurationResult result, boolean withWorkers, boolean withIterations) {
        Configuration c = result.configuration();
        StringBuilder label = new StringBuilder(c.mode());
        if (threadsVary && c.threads() != null) {
            label.append(" threads=").append(c.threads());
        }
        if (withWorkers && workersVary && c.workers() != null) {
            label.append(" workers=").append(c.workers());
        }
        if (withIterations && iterationsVary && usesCpu(c)) {
            label.append(" iterations=").append(c.cpuIterations());
        }
        if (c.counter() != null) { // where the count lives is what a counter run is about
            label.append(" counter=").append(c.counter());
        }
        return label.toString();
    }

    /** The label, marked when the configuration is invalid: the name a series carries in every chart. */
    String seriesName(ConfigurationResult c) {
        return c.verdict().valid() ? label(c) : label(c) + " (INVALID)";
    }

    Color color(String label) {
        return palette.color(label);
    }

    Color color(ConfigurationResult c) {
        return c.verdict().valid() ? palette.color(label(c)) : Palette.INVALID;
    }

    /** The colour of the configuration's label without its work size, for a chart that shows one size only. */
    Color colorIgnoringSize(ConfigurationResult c) {
        return c.verdict().valid() ? palette.color(labelWithoutIterations(c)) : Palette.INVALID;
    }

    /**
     * The slice of a workload that the bar charts show: the most cores the run allowed, and the load
     * level measured for the most configurations there (ties: the highest concurrency, then rate).
     */
    Slice headline(String workload) {
        List<ConfigurationResult> all = of(workload);
        int cores = all.stream().mapToInt(c -> c.configuration().coresAllowed()).max().orElse(0);
        List<ConfigurationResult> atCores = all.stream()
                .filter(c -> c.configuration().coresAllowed() == cores).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        atCores.forEach(c -> counts.merge(Comparisons.load(c), 1L, Long::sum));
        ConfigurationResult best = atCores.stream()
                .max(Comparator.<ConfigurationResult>comparingLong(c -> counts.get(Comparisons.load(c)))
                        .thenComparingInt(c -> c.configuration().concurrency())
                        .thenComparingDouble(c -> Objects.requireNonNullElse(c.configuration().ratePerSecond(), 0.0)))
                .orElseThrow();
        String load = Comparisons.load(best);
        List<String> modes = modes();
        return new Slice(workload, load, cores, atCores.stream().filter(c -> Comparisons.load(c).equals(load))
                .sorted(Comparator.comparingInt(c -> modes.indexOf(c.configuration().mode()))).toList());
    }

    /** The margin the comparisons used, in words: "5% of the slower mode's throughput". */
    String equivalenceMargin() {
        return run.options().getOrDefault("equivalencePercent",
                Double.toString(ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT)) + "% of the slower mode's throughput";
    }

    /** The saved comparison of two configurations, whichever way round it was made. */
    Optional<ComparisonResult> comparison(ConfigurationResult a, ConfigurationResult b) {
        String idA = a.configuration().id();
        String idB = b.configuration().id();
        return run.comparisons().stream()
                .filter(r -> r.comparison().nameA().equals(idA) && r.comparison().nameB().equals(idB)
                        || r.comparison().nameA().equals(idB) && r.comparison().nameB().equals(idA))
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

    static boolean usesCpu(Configuration c) {
        return c.cpuIterations() != null && (c.workload().equals("cpu") || c.workload().equals("mixed"));
    }

    private boolean varies(Function<Configuration, Object> field) {
        return run.configurations().stream().map(ConfigurationResult::configuration).map(field)
                .filter(Objects::nonNull).distinct().count() > 1;
    }

    private List<String> distinct(Function<Configuration, String> field) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        run.configurations().forEach(c -> values.add(field.apply(c.configuration())));
        return List.copyOf(values);
    }
}
