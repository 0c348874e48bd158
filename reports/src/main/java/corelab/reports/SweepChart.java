package corelab.reports;

import corelab.results.Calibration;
import corelab.results.ConfigurationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;

/**
 * Throughput against concurrency (closed load) or offered rate (open load), one line per mode,
 * per workload, with the theoretical limit drawn where one is known.
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
            if (byRate || byConcurrency) {
                figures.add(figure(view, workload, cores, configurations, byRate, singleCoreRate));
            }
        }
        if (figures.isEmpty()) {
            return Section.absent(HEADING, "This run measured one load level per workload (no list given to"
                    + " -Dconcurrency or -Drate), so there is no sweep to draw.");
        }
        return new Section(HEADING, figures, List.of());
    }

    private static Figure figure(RunView view, String workload, int cores, List<ConfigurationResult> configurations,
                                 boolean byRate, Optional<SingleCoreRate> singleCoreRate) {
        ToDoubleFunction<ConfigurationResult> x = byRate ? c -> c.configuration().ratePerSecond()
                : c -> c.configuration().concurrency();
        boolean concurrencyVaries = byRate
                && configurations.stream().mapToInt(c -> c.configuration().concurrency()).distinct().count() > 1;
        double minX = configurations.stream().mapToDouble(x).min().orElseThrow();
        double maxX = configurations.stream().mapToDouble(x).max().orElseThrow();
        String xTitle = byRate ? "offered rate (requests per second)" : "concurrency (connections)";
        String title = "Throughput against " + (byRate ? "offered rate" : "concurrency") + ": " + workload
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
            String label = view.label(c) + (concurrencyVaries ? " c=" + c.configuration().concurrency() : "");
            series.computeIfAbsent(label, k -> new ArrayList<>()).add(c);
        }
        series.forEach((label, points) -> {
            List<ConfigurationResult> sorted = points.stream().sorted(Comparator.comparingDouble(x)).toList();
            add(chart, label, sorted.stream().filter(c -> c.verdict().valid()).toList(), x, view, true);
            add(chart, label + " (INVALID)", sorted.stream().filter(c -> !c.verdict().valid()).toList(), x, view,
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
        if (workload.equals("io")) {
            ioLimit(chart, configurations, grid, byRate, view.run().calibration(), limits);
        } else if (workload.equals("cpu")) {
            cpuLimit(chart, configurations, cores, minX, maxX, singleCoreRate, limits);
        } else if (!byRate) {
            limits.add("no theoretical limit is drawn for " + workload + (workload.equals("hello")
                    ? ": it does no work, so its ceiling is the cost of HTTP in the server and the load generator"
                    : ": corelab knows none for it"));
        }
        String caption = "Throughput as the load rises, one line per mode, with 95% confidence intervals as error bars"
                + (logY ? "; both axes are logarithmic" : logX ? "; the x axis is logarithmic" : "") + ". Look for: where each line bends away from the"
                + " limit and flattens (the mode has run out of something: cores, threads, or the event loop), and"
                + " lines that fall as load keeps rising (overload). "
                + (limits.isEmpty() ? "" : capitalize(String.join("; ", limits)) + ". ") + "Grey points marked (INVALID) are not to be trusted.";
        return new Figure(title, caption, Charts.png(chart));
    }

    private static void add(XYChart chart, String name, List<ConfigurationResult> points,
                            ToDoubleFunction<ConfigurationResult> x, RunView view, boolean valid) {
        if (points.isEmpty()) {
            return;
        }
        double[] xs = points.stream().mapToDouble(x).toArray();
        double[] ys = points.stream().mapToDouble(c -> Charts.finiteOrZero(c.summary().throughputPerSecond().mean())).toArray();
        double[] errors = points.stream().mapToDouble(c -> c.summary().throughputPerSecond().halfWidth95()).toArray();
        Charts.line(chart, name, xs, ys, errors, view.color(view.label(points.get(0))), valid);
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
