package corelab.lab;

import corelab.reports.JmhResults;
import corelab.reports.SingleCoreRate;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The single-core rate of the cpu kernel that a report's cpu limit line uses: JMH's measurement
 * when microbenchmarks/run.sh has written one under the project's results/jmh, else empty (the
 * report then says it estimated it). Shared by the command line and the notebooks.
 */
final class MeasuredCpuRate {
    /** JMH's figures for the cpu kernel, relative to the project root: full before quick. */
    private static final List<Path> JMH_RESULTS = List.of(Path.of("results", "jmh", "jmh-full.json"),
            Path.of("results", "jmh", "jmh-quick.json"));

    private MeasuredCpuRate() {
    }

    static Optional<SingleCoreRate> of(Path resultsFolder, Path projectRoot, PrintStream warnings)
            throws ResultsFormatException {
        Path jmh = JMH_RESULTS.stream().map(projectRoot::resolve).filter(Files::exists).findFirst().orElse(null);
        if (jmh == null) {
            return Optional.empty();
        }
        String iterations = ResultsJson.read(resultsFolder).options().getOrDefault("cpuIterations", "");
        try {
            int cpuIterations = Integer.parseInt(iterations.split(",")[0].strip());
            return JmhResults.singleCoreRate(jmh, cpuIterations);
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (ResultsFormatException e) {
            warnings.println("corelab: ignoring JMH results: " + e.getMessage());
            return Optional.empty();
        }
    }
}
