package corelab.lab;

import corelab.harness.console.Commands;
import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.measure.RunFailure;
import corelab.modes.options.Arguments;
import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.Vocabulary;
import corelab.reports.Report;
import corelab.reports.ReportChart;
import corelab.reports.SingleCoreRate;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * corelab for notebooks. A lab's cell runs a measurement with the options the command line takes,
 *
 * <pre>{@code var run = Labs.run("-Dmode=single,offload", "-Dworkload=io,mixed");}</pre>
 *
 * and shows its charts inline with {@code run.chart("Throughput by mode")}. The run is exactly the one
 * {@code ./mvnw -q compile exec:java -Dmode=single,offload -Dworkload=io,mixed} makes from the
 * repository root, with the same options, checks, results folder and report: the notebook only
 * chooses the options and shows what corelab measured and drew.
 *
 * <p>Two environment variables, for CI: {@code CORELAB_LAB_DURATIONS=tiny} cuts every run short
 * (see {@link LabDurations}), and {@code CORELAB_RESULTS_DIR} puts results folders somewhere other
 * than the project's {@code results/}.
 */
public final class Labs {
    static final String RESULTS_VARIABLE = "CORELAB_RESULTS_DIR";
    /** The file that marks corelab's root: the notebooks run from a folder inside it. */
    private static final Path ROOT_MARKER = Path.of(".mvn", "corelab-jdk.sh");

    private Labs() {
    }

    /**
     * What the named modes are, one line each ({@code Labs.modes("platform", "poller")}), in the
     * words the README's table, {@code -Dhelp=true} and the report use; every mode if none is named.
     *
     * @throws IllegalArgumentException an unknown mode, with the valid ones
     */
    public static String modes(String... words) {
        List<Mode> modes = words.length == 0 ? List.of(Mode.values())
                : Arrays.stream(words).map(Mode::fromWord).toList();
        return modes.stream().map(Vocabulary::describe).collect(Collectors.joining("\n"));
    }

    /** This machine, as a lab's first cell shows it: cores, SMT, a CPU quota, the JDK, nginx, Redis and Node. */
    public static Machine machine() {
        return Machine.probe();
    }

    /**
     * Measures a run, renders its report and returns it with its charts.
     *
     * @param options as on the command line, {@code "-Dmode=cluster"}, or without the {@code -D}
     * @throws OptionException       an unknown option or a bad value, in one message, before anything starts
     * @throws IllegalStateException the run failed or was interrupted; what was measured is saved and reported
     */
    public static LabRun run(String... options) {
        return run(parse(options));
    }

    /** As {@link #run(String...)}, with the options as a map from name to value: {@code Map.of("mode", "cluster")}. */
    public static LabRun run(Map<String, String> options) {
        return run(options, System.getenv(LabDurations.VARIABLE), System.getenv(RESULTS_VARIABLE),
                projectRoot(Path.of("").toAbsolutePath()), System.out);
    }

    static LabRun run(Map<String, String> labOptions, String durations, String resultsDir, Path root,
                      PrintStream console) {
        Map<String, String> given = new LinkedHashMap<>(LabDurations.apply(labOptions, durations));
        // Relative to the project root, as under exec:java, not to the notebook's folder.
        Path results = given.containsKey("resultsDir") ? root.resolve(given.get("resultsDir"))
                : resultsDir == null || resultsDir.isBlank() ? root.resolve("results") : Path.of(resultsDir);
        given.put("resultsDir", results.toAbsolutePath().normalize().toString());
        LabOptions options = LabOptions.parse(properties(given));
        if (options.help() || options.serve() || options.report() != null) {
            throw new OptionException("a lab measures a run: -Dhelp, -Dserve and -Dreport belong to the command line");
        }

        console.println("corelab: the same run from a terminal, in " + root + ":");
        console.println("  " + Commands.labCommand(labOptions));
        if (durations != null && !durations.isBlank()) { // LabDurations.apply accepted it: tiny
            console.println("corelab: " + LabDurations.VARIABLE + "=" + durations + ": cut to " + LabDurations.TINY_OPTIONS
                    + " to check that the lab runs; these figures teach nothing");
        }
        BenchmarkRunner runner = new BenchmarkRunner(options.benchmark(), given, console);
        Path folder = runner.resultsFolder();
        try {
            RunResult result = runner.run();
            return finish(folder, result, Commands.labCommand(labOptions), root, console);
        } catch (RunFailure e) {
            // Jupyter's stop button interrupts this thread; the report is written first, the interrupt kept.
            boolean interrupted = Thread.interrupted();
            String saved = "";
            if (Files.exists(folder.resolve(ResultsJson.FILE_NAME))) {
                try {
                    saved = "\ncorelab: report of what was measured: " + Report.render(folder, cpuRate(folder, root));
                } catch (ResultsFormatException | IOException | RuntimeException notRendered) {
                    saved = "\ncorelab: cannot render a report: " + notRendered.getMessage();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("corelab: " + e.getMessage() + saved, e);
        }
    }

    private static LabRun finish(Path folder, RunResult result, String command, Path root, PrintStream console) {
        try {
            Optional<SingleCoreRate> rate = cpuRate(folder, root);
            Path report = Report.render(folder, rate);
            List<ReportChart> charts = Report.charts(folder, rate);
            List<String> findings = Report.findings(folder);
            console.println("corelab: report: " + report);
            return new LabRun(folder, result, report, command, charts, findings);
        } catch (ResultsFormatException e) {
            throw new IllegalStateException("corelab: the run finished but its results cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("corelab: cannot write the report in " + folder, e);
        }
    }

    private static Optional<SingleCoreRate> cpuRate(Path folder, Path root) throws ResultsFormatException {
        return MeasuredCpuRate.of(folder, root, System.err);
    }

    /** "-Dmode=cluster" or "mode=cluster", in order; a name given twice is refused. */
    static Map<String, String> parse(String... options) {
        return Arguments.parse(List.of(options));
    }

    /**
     * corelab's root: the nearest folder at or above {@code start} with {@code .mvn/corelab-jdk.sh}.
     * Jupyter starts a kernel in the notebook's folder, so from {@code notebooks/} that is its parent.
     */
    static Path projectRoot(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(ROOT_MARKER))) {
                return folder;
            }
        }
        throw new IllegalStateException("corelab's notebooks run inside a corelab checkout, from its notebooks/"
                + " folder: no " + ROOT_MARKER + " at or above " + start);
    }

    private static Properties properties(Map<String, String> options) {
        Properties properties = new Properties();
        options.forEach(properties::setProperty);
        return properties;
    }
}
