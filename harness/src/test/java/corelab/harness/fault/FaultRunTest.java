package corelab.harness.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.plan.BenchmarkOptions;
import corelab.modes.BackendMain;
import corelab.modes.NodeProgram;
import corelab.modes.options.Mode;
import corelab.results.ConfigurationResult;
import corelab.results.FaultResult;
import corelab.results.IntervalResult;
import corelab.results.ProcessUsage;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.results.TrialResult;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault runs against real servers: a cluster worker and a whole server are SIGKILLed in the
 * middle of the load, and the figures, the restarts and the processes are what they must
 * be. No timing is asserted: only that each figure exists and is consistent.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("slow")
class FaultRunTest {
    /** io: one surviving worker can carry the whole load, so a recovery must be seen. */
    private static Map<String, String> tiny(Path results, String mode, String fault) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", mode);
        options.put("workload", "io");
        options.put("backendDelayMillis", "10");
        options.put("concurrency", "8");
        options.put("workers", "2");
        options.put("warmupSeconds", "1");
        options.put("trials", "1");
        options.put("trialSeconds", "5");
        options.put("fault", fault);
        options.put("resultsDir", results.toString());
        return options;
    }

    private static RunResult run(Map<String, String> options, ByteArrayOutputStream console) throws Exception {
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkOptions.parse(options), options,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        runner.run();
        return ResultsJson.read(runner.resultsFolder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "node-cluster", "node-pm2"})
    void killingOneOfTwoWorkersCostsSomeRequestsOneRestartAndRecovers(String mode, @TempDir Path results)
            throws Exception {
        assumeTrue(!Mode.fromWord(mode).isNode() || NodeProgram.problem(Mode.fromWord(mode)).isEmpty(),
                () -> NodeProgram.problem(Mode.fromWord(mode)).orElse(""));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(tiny(results, mode, "kill-worker@1s"), console);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(RunResult.Status.COMPLETE, run.status());
        ConfigurationResult c = run.configurations().get(0);
        assertTrue(c.configuration().id().endsWith("/kill-worker@1s"), c.configuration().id());
        FaultResult f = c.fault();
        assertNotNull(f, "a fault run records its fault");
        assertEquals("kill-worker", f.kind());
        assertTrue(f.requestsFailed() >= 0);
        assertEquals(1, f.restarts(), "the primary replaced the killed worker: " + output);
        assertNotNull(f.restartMillis());
        assertNotNull(f.killedWorkerId());
        assertFalse(ProcessGone.alive(f.killedPid()), "the killed worker is really gone");
        assertNotNull(f.recoveryMillis(), "one worker carries this load, so throughput came back: " + f);
        assertTrue(f.throughputBeforePerSecond() > 0 && f.throughputLowestPerSecond() <= f.throughputBeforePerSecond());
        assertWindowIsOneFinelySampledTrial(c);
        assertTrue(output.contains("faults (each one run, one observation: no confidence interval)"), output);
        assertTrue(output.contains("killing worker " + f.killedWorkerId() + " of 2"), output);
        assertTrue(output.contains("1 worker restart"), output);
        assertTrue(run.comparisons().isEmpty(), "one observation is compared with nothing");
        assertNoServerLeft(run);
    }

    @Test
    void killingTheSingleServerMakesTheSupervisorRestartIt(@TempDir Path results) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(tiny(results, "single", "kill-server@1s"), console);
        assertEquals(RunResult.Status.COMPLETE, run.status());
        ConfigurationResult c = run.configurations().get(0);
        FaultResult f = c.fault();
        assertEquals("kill-server", f.kind());
        assertNull(f.killedWorkerId());
        assertEquals(1, f.restarts(), "the supervisor restarted it: " + console.toString(StandardCharsets.UTF_8));
        assertFalse(ProcessGone.alive(f.killedPid()));
        assertTrue(f.requestsFailed() >= 0);
        assertWindowIsOneFinelySampledTrial(c);
        Set<Long> pids = new HashSet<>();
        c.trials().get(0).server().processes().forEach(p -> pids.add(p.pid()));
        assertFalse(pids.contains(f.killedPid()) && pids.size() == 1, "the server sampled at the end is the new one");
        assertNoServerLeft(run);
    }

    /**
     * The rolling reload under load: every worker is replaced by a new one, the run counts what the clients
     * saw, and the old workers are gone. How many requests fail depends on the kernel (net.ipv4.tcp_migrate_req,
     * see ReloadUnderLoadTest), so only their count's presence is asserted.
     */
    @Test
    void aReloadReplacesEveryWorkerUnderLoadAndCountsWhatTheClientsSaw(@TempDir Path results) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(tiny(results, "cluster", "reload@1s"), console);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(RunResult.Status.COMPLETE, run.status(), output);
        ConfigurationResult c = run.configurations().get(0);
        assertTrue(c.configuration().id().endsWith("/reload@1s"), c.configuration().id());
        FaultResult f = c.fault();
        assertEquals("reload", f.kind());
        assertEquals(0, f.killedPid(), "nothing is killed");
        assertNull(f.killedWorkerId());
        assertEquals(2, f.restarts(), "both workers were replaced: " + output);
        assertNotNull(f.restartMillis(), "the last new worker came online");
        assertTrue(f.requestsFailed() >= 0);
        assertWindowIsOneFinelySampledTrial(c);
        assertTrue(output.contains("a rolling reload of every worker (asked for at "), output);
        assertTrue(output.contains("2 new workers (the last online "), output);
        assertNoServerLeft(run);
    }

    /** kill-worker's graceful counterpart: SIGTERM, a drain, and the primary restarts the worker. */
    @Test
    void stoppingOneOfTwoWorkersMakesThePrimaryRestartIt(@TempDir Path results) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(tiny(results, "cluster", "stop-worker@1s"), console);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(RunResult.Status.COMPLETE, run.status(), output);
        FaultResult f = run.configurations().get(0).fault();
        assertEquals("stop-worker", f.kind());
        assertNotNull(f.killedWorkerId());
        assertEquals(1, f.restarts(), "the primary replaced the stopped worker: " + output);
        assertFalse(ProcessGone.alive(f.killedPid()), "the stopped worker is gone");
        assertFalse(f.gaveUp());
        assertTrue(output.contains("stopping worker " + f.killedWorkerId() + " of 2 (SIGTERM, a graceful stop at "),
                output);
        assertWindowIsOneFinelySampledTrial(run.configurations().get(0));
        assertNoServerLeft(run);
    }

    /** kill-server's graceful counterpart: SIGTERM to the root, which drains and exits, and the supervisor restarts it. */
    @Test
    void stoppingTheSingleServerMakesTheSupervisorRestartIt(@TempDir Path results) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(tiny(results, "single", "stop-server@1s"), console);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(RunResult.Status.COMPLETE, run.status(), output);
        FaultResult f = run.configurations().get(0).fault();
        assertEquals("stop-server", f.kind());
        assertEquals(1, f.restarts(), "the supervisor restarted it: " + output);
        assertFalse(ProcessGone.alive(f.killedPid()));
        assertTrue(output.contains("stopping the server (SIGTERM, a graceful stop at "), output);
        assertNoServerLeft(run);
    }

    /**
     * The crash loop: the workers crash, each replacement fails at start, the primary gives up with
     * exit code 3, nobody restarts it, and the generator counts the failures to the window's end.
     */
    @Test
    void aCrashLoopEndsInExitCode3AndTheRestOfTheWindowFails(@TempDir Path results) throws Exception {
        Map<String, String> options = tiny(results, "cluster", "crash-loop@1s");
        options.put("restartDelayMillis", "20");
        options.put("maxRestarts", "2");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult run = run(options, console);
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(RunResult.Status.COMPLETE, run.status(), output);
        FaultResult f = run.configurations().get(0).fault();
        assertEquals("crash-loop", f.kind());
        assertTrue(f.gaveUp(), "the primary gave up: " + f + "\n" + output);
        assertEquals(3, f.gaveUpExitCode());
        assertEquals(0, f.restarts(), "no replacement ever listened: " + output);
        assertTrue(f.requestsFailed() > 0, "the generator counted the failures after it gave up: " + f);
        assertNull(f.recoveryMillis(), "nothing came back");
        assertTrue(output.contains("the server gave up (exit code 3) and was not restarted"), output);
        assertNoServerLeft(run);
    }

    private static void assertWindowIsOneFinelySampledTrial(ConfigurationResult c) {
        assertEquals(1, c.trials().size(), "one window, one observation");
        TrialResult window = c.trials().get(0);
        assertTrue(window.intervals().size() <= 50 && window.intervals().size() >= 2, "5 s at 100 ms (or longer, if late)");
        double covered = window.intervals().stream().mapToDouble(IntervalResult::seconds).sum();
        assertTrue(covered >= 4.9, "the intervals cover the window: " + covered);
        assertTrue(window.intervals().stream().allMatch(i -> i.seconds() > 0));
        assertTrue(Double.isNaN(c.summary().throughputPerSecond().halfWidth95()), "no confidence interval");
    }

    /** Every process that served, the killed one and its replacement included, is gone. */
    private static void assertNoServerLeft(RunResult run) throws InterruptedException {
        Set<Long> pids = new HashSet<>();
        for (ConfigurationResult c : run.configurations()) {
            pids.add(c.fault().killedPid());
            for (TrialResult t : c.trials()) {
                t.server().processes().stream().map(ProcessUsage::pid).forEach(pids::add);
            }
        }
        // The io backend's own process, which the harness started beside the server and outlived its restarts.
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(BackendMain.class.getName())).orElse(false))
                .map(ProcessHandle::pid).forEach(pids::add);
        ProcessGone.assertAllExit(pids);
    }
}
