package corelab.harness.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.plan.BenchmarkOptions;
import corelab.results.ConfigurationResult;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.results.TrialResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dgenerator=corelab,wrk,ab,ab-k} against {@code single}: one configuration per generator,
 * each tool's trials marked with the tool, its command and what it cannot give, and the server
 * measured under each. Needs wrk and ab (the README's install line).
 */
@Tag("slow")
class GeneratorToolsRunTest {
    @Test
    void wrkAndAbAgainstSingleGiveResultsWithTheToolRecorded(@TempDir Path results) throws Exception {
        assumeTrue(ToolRun.missing(Generator.WRK).isEmpty() && ToolRun.missing(Generator.AB).isEmpty(),
                Generator.INSTALL_LINE);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", "single");
        options.put("workload", "hello");
        options.put("generator", "corelab,wrk,ab,ab-k");
        options.put("concurrency", "4");
        options.put("warmupSeconds", "0");
        options.put("trials", "2");
        options.put("trialSeconds", "1");
        options.put("resultsDir", results.toString());
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkOptions.parse(options), options,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        runner.run();
        RunResult run = ResultsJson.read(runner.resultsFolder());
        assertEquals(List.of("single", "single-wrk", "single-ab", "single-ab-k"),
                run.configurations().stream().map(c -> c.configuration().mode()).toList());
        for (ConfigurationResult c : run.configurations()) {
            assertEquals(2, c.trials().size(), c.configuration().id());
            for (TrialResult trial : c.trials()) {
                assertTrue(trial.completed() > 0 && trial.throughputPerSecond() > 0, c.configuration().id());
                assertNotNull(trial.server(), "the server is measured under every generator");
                if (c.configuration().mode().equals("single")) {
                    assertNull(trial.tool());
                    continue;
                }
                String tool = c.configuration().mode().substring("single-".length());
                assertEquals(tool, trial.tool().tool());
                assertTrue(c.configuration().id().endsWith("/" + tool), c.configuration().id());
                assertEquals(tool.equals("wrk") ? "wrk" : "ab", trial.tool().command().get(0));
                assertEquals(tool.equals("ab-k"), trial.tool().command().contains("-k"), trial.tool().command().toString());
                assertNull(trial.histogram(), "no histogram is invented");
                assertTrue(Double.isNaN(trial.latency().p999Micros()), "nor a 99.9th percentile");
                assertTrue(trial.tool().missing().containsKey("errors.wrongAnswers"), trial.tool().missing().toString());
                if (!tool.equals("wrk")) {
                    assertEquals(0, trial.latency().p50Micros() % 1000, "ab's latencies are whole milliseconds");
                }
            }
        }
    }
}
