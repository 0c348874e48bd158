package corelab.harness.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.plan.BenchmarkOptions;
import corelab.harness.server.ProcessTreeSampler;
import corelab.modes.counter.RedisServer;
import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.ResourceUse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measured runs against a real server: each trial's CPU lands in the bucket of what spent it. The io workload's
 * backend, a process of its own, is the downstream's; hello calls nothing, so it has no downstream bucket and
 * says why; the generator's threads always work; the server's bucket is what its req/CPU-s divides by.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@Tag("slow")
class ResourceBucketsRunTest {
    private static RunResult run(Path results, String workload, String... more) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        options.put("mode", "single");
        options.put("workload", workload);
        options.put("concurrency", "4");
        options.put("backendDelayMillis", "1");
        options.put("warmupSeconds", "1");
        options.put("trials", "2");
        options.put("trialSeconds", "1");
        options.put("resultsDir", results.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkOptions.parse(options), options,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        runner.run();
        RunResult run = ResultsJson.read(runner.resultsFolder()); // as saved: the buckets survive the file
        assertEquals(RunResult.Status.COMPLETE, run.status(), console.toString(StandardCharsets.UTF_8));
        assertEquals(1, run.configurations().size());
        return run;
    }

    @Test
    void ioChargesTheBackendToTheDownstreamAndHelloHasNone(@TempDir Path results) throws Exception {
        assumeTrue(ProcessTreeSampler.available(), "no /proc here");
        ConfigurationResult io = run(results, "io").configurations().get(0);
        for (TrialResult trial : io.trials()) {
            ResourceUse use = trial.resources();
            assertNotNull(use.downstream(), use.missing().toString());
            assertTrue(use.downstream().cpuSeconds() > 0 && use.downstream().cpuMicrosPerRequest() > 0,
                    "the backend answered every request: " + use.downstream());
            assertTrue(use.downstream().pssBytes() > 0 && use.downstream().pssBytes() <= use.downstream().rssBytes(),
                    use.downstream().toString());
            checkServerAndGenerator(trial);
            checkConnections(trial);
        }
        assertTrue(io.summary().resources().downstreamCpuMicrosPerRequest().mean() > 0);

        ConfigurationResult hello = run(results, "hello").configurations().get(0);
        for (TrialResult trial : hello.trials()) {
            assertNull(trial.resources().downstream());
            assertTrue(trial.resources().why(ResourceUse.DOWNSTREAM).contains("calls no downstream service"),
                    trial.resources().missing().toString());
            checkServerAndGenerator(trial);
        }
        assertEquals(0, hello.summary().resources().downstreamCpuMicrosPerRequest().n());
    }

    /**
     * counter=redis: the redis-server the server starts lives in its tree, so the tree's CPU (req/CPU-s) holds it,
     * and the buckets split it off: the server's bucket and the downstream's add up to the tree exactly.
     */
    @Test
    void aRedisTheServerStartedIsTheDownstreamsAndTheBucketsAddUpToTheTree(@TempDir Path results) throws Exception {
        assumeTrue(ProcessTreeSampler.available(), "no /proc here");
        assumeTrue(RedisServer.installed().isPresent(), RedisServer.notInstalled());
        ConfigurationResult counter = run(results, "counter", "counter", "redis").configurations().get(0);
        for (TrialResult trial : counter.trials()) {
            ResourceUse use = trial.resources();
            assertNotNull(use.downstream(), use.missing().toString());
            assertTrue(use.downstream().cpuSeconds() > 0, "Redis answered an INCR a request: " + use.downstream());
            assertTrue(use.downstream().pssBytes() > 0, use.downstream().toString());
            assertEquals(trial.server().cpuSeconds(), use.server().cpuSeconds() + use.downstream().cpuSeconds(), 1e-9);
            assertTrue(trial.server().processes().stream().anyMatch(p -> p.command().startsWith("redis-server")),
                    trial.server().processes().toString());
        }
    }

    /**
     * Each of the 4 connections is in the trial, in order, with its answers and longest silence; the answers add up
     * to the trial's, give or take the few that came while the view was being read at the trial's end.
     */
    private static void checkConnections(TrialResult trial) {
        List<ConnectionResult> connections = trial.connections();
        assertNotNull(connections, "a trial under corelab's generator records its connections");
        assertEquals(List.of(0, 1, 2, 3), connections.stream().map(ConnectionResult::connection).toList());
        long answers = connections.stream().mapToLong(ConnectionResult::answers).sum();
        assertTrue(Math.abs(answers - trial.completed()) <= Math.max(10, trial.completed() / 10),
                answers + " answers by connection, " + trial.completed() + " completed");
        for (ConnectionResult connection : connections) {
            assertTrue(connection.answers() > 0, connections.toString());
            // io answers after about 1 ms; the silence is no longer than the trial, give or take the last read
            assertTrue(connection.longestSilenceMillis() > 0
                    && connection.longestSilenceMillis() <= 10 * 1000 * trial.seconds(), connections.toString());
        }
    }

    /** The server's bucket is the tree its req/CPU-s divides by (no Redis here); the generator's is positive. */
    private static void checkServerAndGenerator(TrialResult trial) {
        ResourceUse use = trial.resources();
        assertEquals(trial.server().cpuSeconds(), use.server().cpuSeconds(), 1e-9);
        assertEquals(1e6 / trial.server().requestsPerCpuSecond(), use.server().cpuMicrosPerRequest(), 1e-6);
        assertTrue(use.server().pssBytes() > 0 && use.server().pssBytes() <= use.server().rssBytes(),
                use.server().toString());
        assertTrue(use.generator().cpuSeconds() > 0 && use.generator().cpuMicrosPerRequest() > 0,
                use.generator().toString());
        assertEquals(trial.generator().cpuMicrosPerRequest(), use.generator().cpuMicrosPerRequest(), 1e-6);
        assertNull(use.generator().pssBytes());
        assertNotNull(use.why(ResourceUse.GENERATOR + ResourceUse.MEMORY));
    }
}
