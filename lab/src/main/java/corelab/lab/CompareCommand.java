package corelab.lab;

import corelab.harness.plan.BenchmarkOptions;
import corelab.harness.plan.Thresholds;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ValueType;
import corelab.reports.CompareReport;
import corelab.results.ResultsFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -Dcompare=<run>,<run>}: two saved runs compared configuration by configuration, nothing measured. Each run
 * is a results folder or a run id under {@code -DresultsDir}; the first is the baseline.
 *
 * @param baseline           the first run, as given
 * @param other              the second run, as given
 * @param equivalencePercent {@code -DequivalencePercent}, as within a run
 * @param resultsDir         where run ids are looked up and the comparison's folder is made
 */
record CompareCommand(String baseline, String other, double equivalencePercent, Path resultsDir) {
    static final Option<String> COMPARE = Option.of("compare", ValueType.text(false), "",
            "compare two saved runs (results folders or run ids under -DresultsDir), the first the baseline, without"
                    + " running anything; takes -DequivalencePercent= and -DresultsDir= only");

    /** The options -Dcompare= takes beside itself. */
    private static final Set<String> ALLOWED = Set.of(COMPARE.name(), Thresholds.EQUIVALENCE_PERCENT.name(),
            BenchmarkOptions.RESULTS_DIR.name());

    static CompareCommand parse(OptionValues values, Map<String, String> given) {
        List<String> runs = List.of(values.get(COMPARE).split(",", -1)).stream().map(String::strip).toList();
        if (runs.size() != 2 || runs.stream().anyMatch(String::isEmpty)) {
            throw new OptionException("-Dcompare= takes two runs, a results folder or a run id each, the first the"
                    + " baseline: -Dcompare=<run>,<run>");
        }
        for (String name : given.keySet()) {
            if (!ALLOWED.contains(name)) {
                throw new OptionException("-Dcompare= compares saved runs and takes no option but "
                        + Thresholds.EQUIVALENCE_PERCENT.name() + " and " + BenchmarkOptions.RESULTS_DIR.name()
                        + "; got " + name);
            }
        }
        return new CompareCommand(runs.get(0), runs.get(1), values.get(Thresholds.EQUIVALENCE_PERCENT),
                values.get(BenchmarkOptions.RESULTS_DIR));
    }

    /** Renders the comparison; the exit code: 0 done, 1 it could not be made (one message on {@code err}). */
    int run(PrintStream out, PrintStream err) {
        try {
            CompareReport.Rendered rendered = CompareReport.render(CompareReport.locate(baseline, resultsDir),
                    CompareReport.locate(other, resultsDir), equivalencePercent, resultsDir);
            rendered.summary().forEach(line -> out.println("corelab: " + line));
            out.println("corelab: comparison: " + rendered.page().toAbsolutePath());
            return 0;
        } catch (ResultsFormatException | IOException | IllegalArgumentException e) {
            err.println("corelab: cannot compare: " + e.getMessage());
            return 1;
        }
    }
}
