package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ResultsFolder;
import corelab.results.ResultsFormatException;
import corelab.results.RunResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH's JSON into the cpu limit line. The fixture is real output of corelab's microbenchmarks
 * (`CpuKernelBenchmark` at three sizes, the dead-code trap, one codec benchmark), as
 * {@code java -jar microbenchmarks.jar ... -rf json} wrote it.
 */
class JmhResultsTest {
    /** The kernel's score at 250000 iterations in the fixture. */
    private static final double RATE_AT_250K = 651.9347529326968;

    private static Path fixture() throws URISyntaxException {
        return Path.of(JmhResultsTest.class.getResource("/jmh/jmh-cpu-kernel.json").toURI());
    }

    @Test
    void theKernelsRateAtTheRunsSizeBecomesTheCpuLimitAndItsCaptionNamesTheSource() throws Exception {
        SingleCoreRate rate = JmhResults.singleCoreRate(fixture(), 250_000).orElseThrow();
        assertEquals(250_000, rate.cpuIterations());
        assertEquals(RATE_AT_250K, rate.requestsPerSecond(), 1e-9);

        Limits.Limit limit = Limits.cpu(2, 250_000, Optional.of(rate));
        assertEquals(2 * RATE_AT_250K, limit.requestsPerSecond(), 1e-9);
        assertTrue(limit.source().startsWith("2 x 652 req/s: measured single-core rate (JMH, " + fixture() + ": 652 ops/s \u00b1 "),
                limit.source());
        assertTrue(limit.source().contains("% (99.9% CI) at 250000 iterations, JDK 25."), limit.source());
        assertTrue(!limit.source().contains("rescaled"), limit.source());
    }

    @Test
    void theNearestSizeIsTakenAsARatioAndRescaled() throws Exception {
        assertEquals(250_000, iterationsChosenFor(100_000), "2.5x from 250000, 4x from 25000");
        assertEquals(25_000, iterationsChosenFor(50_000), "2x from 25000, 5x from 250000");
        assertEquals(25_000, iterationsChosenFor(5_000), "5x either way: the larger size");
        assertEquals(1_000, iterationsChosenFor(1));

        SingleCoreRate rate = JmhResults.singleCoreRate(fixture(), 100_000).orElseThrow();
        Limits.Limit limit = Limits.cpu(2, 100_000, Optional.of(rate));
        assertEquals(2 * RATE_AT_250K * 2.5, limit.requestsPerSecond(), 1e-9);
        assertTrue(limit.source().endsWith(", rescaled from 250000 iterations"), limit.source());
    }

    @Test
    void theDeadCodeTrapAndOtherBenchmarksAreNeverTakenForTheKernel() throws Exception {
        SingleCoreRate rate = JmhResults.singleCoreRate(fixture(), 1_000).orElseThrow();
        assertTrue(rate.requestsPerSecond() < 1e6, "kernelResultDiscarded reports ~1e9 ops/s and must be skipped");
    }

    @Test
    void withoutAFileOrWithoutAKernelResultThereIsNoMeasurement(@TempDir Path folder) throws Exception {
        assertEquals(Optional.empty(), JmhResults.singleCoreRate(folder.resolve("jmh-quick.json"), 250_000));
        Path other = Files.writeString(folder.resolve("other.json"), """
                [ { "benchmark" : "corelab.microbenchmarks.HttpCodecBenchmark.decodeRequest",
                    "primaryMetric" : { "score" : 500.0, "scoreError" : 20.0, "scoreUnit" : "ns/op" } } ]
                """);
        assertEquals(Optional.empty(), JmhResults.singleCoreRate(other, 250_000));
    }

    @Test
    void timePerOperationIsTurnedIntoARateAndAMissingErrorIsUnknownNotZero(@TempDir Path folder) throws Exception {
        // One measurement iteration: JMH writes the error as the string "NaN".
        Path json = Files.writeString(folder.resolve("avgt.json"), """
                [ { "benchmark" : "corelab.microbenchmarks.CpuKernelBenchmark.kernel", "jdkVersion" : "21.0.5",
                    "params" : { "iterations" : "250000" },
                    "primaryMetric" : { "score" : 1.25, "scoreError" : "NaN", "scoreUnit" : "ms/op" } } ]
                """);
        SingleCoreRate rate = JmhResults.singleCoreRate(json, 250_000).orElseThrow();
        assertEquals(800, rate.requestsPerSecond(), 1e-9);
        assertTrue(rate.source().contains("800 ops/s \u00b1 ? (99.9% CI) at 250000 iterations, JDK 21.0.5"), rate.source());
    }

    @Test
    void aDamagedFileIsAnErrorThatNamesIt(@TempDir Path folder) throws Exception {
        Path cut = Files.writeString(folder.resolve("cut.json"), "[ { \"benchmark\" : ");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> JmhResults.singleCoreRate(cut, 250_000));
        assertTrue(e.getMessage().contains(cut + " is damaged"), e.getMessage());

        Path notJmh = Files.writeString(folder.resolve("results.json"), "{ \"schemaVersion\" : 1 }");
        e = assertThrows(ResultsFormatException.class, () -> JmhResults.singleCoreRate(notJmh, 250_000));
        assertTrue(e.getMessage().contains("is not JMH's JSON results"), e.getMessage());

        Path noSize = Files.writeString(folder.resolve("nosize.json"), """
                [ { "benchmark" : "corelab.microbenchmarks.CpuKernelBenchmark.kernel",
                    "primaryMetric" : { "score" : 900.0, "scoreError" : 9.0, "scoreUnit" : "ops/s" } } ]
                """);
        e = assertThrows(ResultsFormatException.class, () -> JmhResults.singleCoreRate(noSize, 250_000));
        assertTrue(e.getMessage().contains("no valid params.iterations"), e.getMessage());
    }

    @Test
    void theReportDrawsTheCpuLimitFromTheJmhFile(@TempDir Path elsewhere) throws Exception {
        RunResult run = Fixtures.closedRun();
        Path folder = elsewhere.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        String html = Files.readString(Report.render(folder, JmhResults.singleCoreRate(fixture(), 250_000)));
        assertTrue(html.contains("the cpu limit, 1304 req/s = 2 x 652 req/s: measured single-core rate (JMH, "
                + fixture() + ": 652 ops/s"), "the rate from the JMH file and where it came from");
    }

    private static int iterationsChosenFor(int cpuIterations) throws Exception {
        return JmhResults.singleCoreRate(fixture(), cpuIterations).orElseThrow().cpuIterations();
    }
}
