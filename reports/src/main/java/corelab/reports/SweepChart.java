package corelab.reports;

import corelab.results.Calibration;
import corelab.results.ConfigurationResult;
import corelab.results.RunLimits;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;

/**
 * Throughput against concurrency (closed load), offered rate (open load) or, for one closed load level,
 * the CPU work per request (cpuIterations), one line per mode, per workload, with the theoretical limit
 * drawn where one is known.
 */
final class SweepChart {
    static final String HEADING = "Throughput against load";
    private static final int LIMIT_POINTS = 60;

    private SweepChart() {
    }

    static Section section(RunView view, Optional<SingleCoreRate> jmhRate) {
        // The run's own calibration first: measured on this machine, within the run, with its interval.
        Calibration calibration = view.run().calibration();
        Optional<SingleCoreRate> singleCoreRate = calibration != null
                && calibration.kernelRequestsPerCpuSecond().n() > 0
                ? Optional.of(new SingleCoreRate(calibration.cpuIterations(),
                        calibration.kernelRequestsPerCpuSecond().mean(), "measured in this run by a fresh JVM before and"
                        + " after the rounds: " + calibration.kernelRequestsPerCpuSecond().format("req per CPU-second")))
                : jmhRate.map(r -> new SingleCoreRate(r.cpuIterations(), r.requestsPerSecond(), r.source()
                        + "; a fallback: JMH's figure from another time, as this run measured none"));
        List<Figure> figures = new ArrayList<>();
        for (String workload : view.workloads()) {
            int cores = view.headline(workload).coresAllowed();
            List<ConfigurationResult> configurations = view.of(workload).stream()
                    .filter(c -> c.configuration().coresAllowed() == cores).toList();
            boolean byRate = configurations.stream().allMatch(c -> c.configuration().ratePerSecond() != null)
                    && configurations.stream().map(c -> c.configuration().ratePerSecond()).distinct().count() > 1;
            boolean byConcurrency = configurations.stream().mapToInt(c -> c.configuration().concurrency())
                    .distinct().count() > 1;
            boolean byIterations = !byRate && !byConcurrency
                    && configurations.stream().allMatch(c -> c.configuration().ratePerSecond() == null
                    && c.configuration().cpuIterations() != null && c.configuration().cpuIterations() > 0)
                    && configurations.stream().map(c -> c.configuration().cpuIterations()).distinct().count() > 1;
            if (byRate || byConcurrency || byIterations) {
                figures.add(figure(view, workload, cores, configurations, byRate, byIterations, singleCoreRate));
            }
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "This run measured one load level per workload (no list given to"
                    + " -Dconcurrency, -Drate or -DcpuIterations), so there is no sweep to draw.");
        }
        return new Section(HEADING, figures, List.of());
    }

    private static Figure figure(RunView view, String workload, int cores, List<ConfigurationResult> configurations,
                                 boolean byRate, boolean byIterations, Optional<SingleCoreRate> singleCoreRate) {
        ToDoubleFunction<ConfigurationResult> x = byIterations ? c -> c.configuration().cpuIterations()
                : byRate ? c -> c.configuration().ratePerSecond() : c -> c.configuration().concurrency();
        boolean concurrencyVaries = byRate
                && configurations.stream().mapToInt(c -> c.configuration().concurrency()).distinct().count() > 1;
        double minX = configurations.stream().mapToDouble(x).min().orElseThrow();
        double maxX = configurations.stream().mapToDouble(x).max().orElseThrow();
        String xTitle = byIterations ? "CPU work per request (cpuIterations)"
                : byRate ? "offered rate (requests per second)" : "concurrency (connections)";
        String title = "Throughput against " + (byIterations ? "CPU work per request"
                : byRate ? "offered rate" : "concurrency") + ": " + workload
                + " (" + cores + (cores == 1 ? " core)" : " cores)");
        XYChart chart = Charts.xy(title, xTitle, "requests per second", Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT);
        boolean logX = maxX / minX >= 8;
        double[] throughputs = configurations.stream()
                .mapToDouble(c -> Charts.finiteOrZero(c.summary().throughputPerSecond().mean())).toArray();
        // The lowest end of any error bar: a logarithmic axis cannot draw an interval that reaches zero
        // (wide ones do, with few short trials), and clipping it would hide part of the interval.
        double minY = configurations.stream().mapToDouble(c -> Charts.finiteOrZero(
                c.summary().throughputPerSecond().mean()) - Charts.finiteOrZero(
                c.summary().throughputPerSecond().halfWidth95())).min().orElse(0);
        double maxY = Arrays.stream(throughputs).max().orElse(0);
        // Over a wide sweep, log-log: Little's law (throughput proportional to concurrency) is then a straight line.
        boolean logY = logX && minY > 0 && maxY / minY >= 8;
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0);
        }

        Map<String, List<ConfigurationResult>> series = new LinkedHashMap<>();
        for (ConfigurationResult c : configurations) {
            String label = (byIterations ? view.labelWithoutIterations(c) : view.label(c))
                    + (concurrencyVaries ? " c=" + c.configuration().concurrency() : "");
            series.computeIfAbsent(label, k -> new ArrayList<>()).add(c);
        }
        series.forEach((label, points) -> {
            List<ConfigurationResult> sorted = points.stream().sorted(Comparator.comparingDouble(x)).toList();
            Color color = view.color(byIterations ? view.labelWithoutIterations(sorted.get(0)) : view.label(sorted.get(0)));
            add(chart, label, sorted.stream().filter(c -> c.verdict().valid()).toList(), x, color, true);
            add(chart, label + " (INVALID)", sorted.stream().filter(c -> !c.verdict().valid()).toList(), x, color,
                    false);
        });

        List<String> limits = new ArrayList<>();
        double[] grid = grid(minX, maxX, logX);
        if (byRate) {
            Charts.reference(chart, "offered rate (no server answers more than it is sent)", grid, grid,
                    Palette.LIMIT.brighter());
            limits.add("the dotted diagonal is the offered rate: under open load no server answers more requests"
                    + " than it is sent, so a line on the diagonal keeps up and one that falls away is falling behind");
        }
        if (byIterations) {
            if (workload.equals("mixed")) {
                mixedBound(chart, configurations, grid, view.run().calibration(), limits);
            } else {
                limits.add("no limit is drawn against the work size for " + workload);
            }
        } else if (workload.equals("io")) {
            ioLimit(chart, configurations, grid, byRate, view.run().calibration(), limits);
        } else if (workload.equals("cpu")) {
            cpuLimit(chart, configurations, cores, minX, maxX, singleCoreRate, limits);
        } else if (!byRate) {
            limits.add("no theoretical limit is drawn for " + workload + (workload.equals("hello")
                    ? ": it does no work, so its ceiling is the cost of HTTP in the server and the load generator"
                    : ": corelab knows none for it"));
        }
        String caption = (byIterations ? "Throughput as each request computes more" : "Throughput as the load rises")
                + ", one line per mode, with 95% confidence intervals as error bars"
                + (logY ? "; both axes are logarithmic" : logX ? "; the x axis is logarithmic" : "") + ". Look for: "
                + (byIterations ? "where each line leaves the flat part of its bound (waiting no longer holds it:"
                + " its cores do), and which modes part company there. "
                : "where each line bends away from the limit and flattens (the mode has run out of something: cores,"
                + " threads, or the event loop), and lines that fall as load keeps rising (overload). ")
                + (limits.isEmpty() ? "" : capitalize(String.join("; ", limits)) + ". ") + "Grey points marked (INVALID) are not to be trusted.";
        return new Figure(title, caption, Charts.png(chart));
    }

    private static void add(XYChart chart, String name, List<ConfigurationResult> points,
                            ToDoubleFunction<ConfigurationResult> x, Color color, boolean valid) {
        if (points.isEmpty()) {
            return;
        }
        double[] xs = points.stream().mapToDouble(x).toArray();
        double[] ys = points.stream().mapToDouble(c -> Charts.finiteOrZero(c.summary().throughputPerSecond().mean())).toArray();
        double[] errors = points.stream().mapToDouble(c -> c.summary().throughputPerSecond().halfWidth95()).toArray();
        Charts.line(chart, name, xs, ys, errors, color, valid);
    }

    /**
     * The mixed workload's bound against the work size, {@link RunLimits#mixedBound}: one line per number of
     * cores the modes compute on (one for single's event loop), S from the run's own kernel calibration.
     */
    private static void mixedBound(XYChart chart, List<ConfigurationResult> configurations, double[] grid,
                                   Calibration calibration, List<String> limits) {
        List<Integer> concurrencies = configurations.stream().map(c -> c.configuration().concurrency()).distinct()
                .toList();
        List<Integer> delays = configurations.stream().map(c -> c.configuration().backendDelayMillis()).distinct()
                .toList();
        if (calibration == null || calibration.kernelRequestsPerCpuSecond().n() == 0 || concurrencies.size() != 1
                || delays.size() != 1 || delays.get(0) == null || delays.get(0) <= 0) {
            limits.add("no bound is drawn: the run measured no kernel rate, or the connections or the backend delay"
                    + " differ between configurations");
            return;
        }
        int connections = concurrencies.get(0);
        int delay = delays.get(0);
        // Requests per CPU-second at one iteration: S = iterations / this.
        double iterationsPerCpuSecond = calibration.kernelRequestsPerCpuSecond().mean() * calibration.cpuIterations();
        List<String> kinks = new ArrayList<>();
        for (int cores : configurations.stream().map(c -> RunLimits.computingCores(c.configuration())).distinct()
                .sorted().toList()) {
            double[] y = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                y[i] = RunLimits.mixedBound(connections, delay / 1000.0, grid[i] / iterationsPerCpuSecond, cores);
            }
            String coresWord = cores + (cores == 1 ? " core" : " cores");
            Charts.reference(chart, "bound, " + coresWord, grid, y, cores == 1 ? Palette.LIMIT.brighter()
                    : Palette.LIMIT);
            if (connections > cores) {
                kinks.add(String.format(Locale.ROOT, "%s at %,.0f iterations", coresWord,
                        delay / 1000.0 / ((double) connections / cores - 1) * iterationsPerCpuSecond));
            }
        }
        limits.add("the dotted lines are the bound min(C / (W + S), cores / S): " + connections + " connections, each"
                + " request held " + delay + " ms by the backend (W) and S seconds by the CPU; S is the kernel's"
                + " single-core rate measured in this run (" + calibration.kernelRequestsPerCpuSecond().format(
                "req per CPU-second") + " at " + calibration.cpuIterations() + " iterations), rescaled to each size;"
                + " single's event loop computes on one core, the other modes on all they were allowed. Left of a"
                + " line's bend Little's law holds it, right of it the cores (the bend: " + String.join(", ", kinks)
                + "); a measured point above its line's interval is reported as a BROKEN LIMIT");
    }

    private static void ioLimit(XYChart chart, List<ConfigurationResult> configurations, double[] grid, boolean byRate,
                                Calibration calibration,
                                List<String> limits) {
        List<Integer> delays = configurations.stream().map(c -> c.configuration().backendDelayMillis()).distinct()
                .toList();
        if (delays.size() != 1 || delays.get(0) == null || delays.get(0) <= 0) {
            limits.add("no Little's law limit is drawn: the backend delay is unknown or differs between configurations");
            return;
        }
        int delay = delays.get(0);
        // The delay asked for bounds every request; an idle call's measured round trip is longer than a loaded
        // one, so it is quoted, not drawn (see RunLimits.littlesLaw).
        double millis = delay;
        String held = delay + " ms at least by the backend" + (calibration != null
                && Integer.valueOf(delay).equals(calibration.backendDelayMillis())
                && calibration.backendRoundTripMillis().n() > 0
                ? " (one idle call's round trip measured in this run: " + calibration.backendRoundTripMillis().format("ms")
                + ")" : "");
        if (byRate) {
            List<Integer> concurrencies = configurations.stream().map(c -> c.configuration().concurrency()).distinct()
                    .toList();
            if (concurrencies.size() == 1) {
                Limits.Limit limit = Limits.littlesLaw(concurrencies.get(0), millis);
                double[] y = new double[grid.length];
                Arrays.fill(y, limit.requestsPerSecond());
                Charts.reference(chart, "Little's law: " + concurrencies.get(0) + " / " + Numbers.compact(millis) + " ms",
                        grid, y, Palette.LIMIT);
                limits.add("the dotted horizontal line is " + limit.source() + " = "
                        + Numbers.compact(limit.requestsPerSecond()) + " req/s: with " + concurrencies.get(0)
                        + " connections each held " + held + ", no server can answer faster");
            }
            return;
        }
        double[] y = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            y[i] = Limits.littlesLaw(grid[i], millis).requestsPerSecond();
        }
        Charts.reference(chart, "Little's law: concurrency / " + Numbers.compact(millis) + " ms", grid, y, Palette.LIMIT);
        limits.add("the dotted line is Little's law: with C requests in flight, each held " + held
                + ", no server can answer more than C / " + Numbers.compact(millis / 1000.0)
                + " s requests per second, however many cores it has");
    }

    private static void cpuLimit(XYChart chart, List<ConfigurationResult> configurations, int cores, double minX,
                                 double maxX, Optional<SingleCoreRate> singleCoreRate, List<String> limits) {
        List<Integer> iterations = configurations.stream().map(c -> c.configuration().cpuIterations()).distinct()
                .toList();
        if (iterations.size() != 1 || iterations.get(0) == null || iterations.get(0) <= 0) {
            limits.add("no cpu limit is drawn: the work per request (cpuIterations) is unknown or differs between"
                    + " configurations");
            return;
        }
        Limits.Limit limit = Limits.cpu(cores, iterations.get(0), singleCoreRate);
        double[] x = {minX, maxX};
        double[] y = {limit.requestsPerSecond(), limit.requestsPerSecond()};
        Charts.reference(chart, "cpu limit: " + cores + " x single-core rate", x, y, Palette.LIMIT);
        limits.add("the dotted horizontal line is the cpu limit, " + Numbers.compact(limit.requestsPerSecond())
                + " req/s = " + limit.source() + ": no mode can compute faster than all its cores together");
    }

    /** Points between min and max, evenly spaced on the axis as drawn (logarithmic or not). */
    private static double[] grid(double min, double max, boolean log) {
        double[] grid = new double[LIMIT_POINTS];
        for (int i = 0; i < LIMIT_POINTS; i++) {
            double t = (double) i / (LIMIT_POINTS - 1);
            grid[i] = log ? min * Math.pow(max / min, t) : min + (max - min) * t;
        }
        return grid;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
