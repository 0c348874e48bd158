package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.NodeProgram;
import corelab.modes.process.JvmCommand;
import corelab.results.Capacity;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.CounterCheck;
import corelab.results.ProcessUsage;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.results.TrialResult;
import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's command line as a user runs it, in its own JVM: a complete run, a failed run
 * and an interrupted run each save their results, say how they ended, and leave no process.
 */
@Tag("slow")
class LabRunTest {
    private static final List<String> TINY = List.of("-DwarmupSeconds=0", "-DtrialSeconds=1", "-Dtrials=3",
            "-Dconcurrency=4", "-DcpuIterations=2000", "-DbackendDelayMillis=2", "-Dworkers=2");

    @Test
    void aTinyRunSavesCompleteResultsAndLeavesNoProcess(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dmode=single,cluster", "-Dworkload=hello,cpu");
        assertEquals(0, run.process.waitFor(), run.output());
        RunResult saved = ResultsJson.read(onlyFolder(results));
        assertEquals(RunResult.Status.COMPLETE, saved.status());
        assertEquals(4, saved.configurations().size());
        for (ConfigurationResult c : saved.configurations()) {
            assertEquals(3, c.trials().size(), c.configuration().id());
            assertEquals(0, c.warmupSeconds(), "no warmup was asked for");
            assertTrue(c.trials().stream().allMatch(t -> t.completed() > 0), c.configuration().id());
        }
        assertTrue(run.output().contains("results saved in"), run.output());
        assertTrue(Files.exists(onlyFolder(results).resolve("trials.csv")));
        assertNoServerLeft(saved);
    }

    /**
     * The counter lab, tiny: a platform server counts exactly; a cluster whose workers count
     * locally diverges (its highest count falls short of the requests, and counts repeat);
     * counting in the primary, or in Redis (when redis-server is installed), is exact again.
     */
    @Test
    void theCounterLabRecordsDivergenceAndExactCounts(@TempDir Path results) throws Exception {
        boolean redis = corelab.modes.counter.RedisServer.installed().isPresent()
                || "true".equals(System.getenv("CORELAB_REQUIRE_REDIS"));
        // 16 keep-alive connections: the kernel places each on a worker for its whole life, and
        // with 4 all could land on one worker (1 chance in 16), which would count right by luck.
        Run run = start(results, "-Dmode=platform,cluster", "-Dworkload=counter", "-Dconcurrency=16",
                "-Dcounter=local,primary" + (redis ? ",redis" : ""));
        assertEquals(0, run.process.waitFor(), run.output());
        RunResult saved = ResultsJson.read(onlyFolder(results));
        List<String> ids = saved.configurations().stream().map(c -> c.configuration().id()).toList();
        List<String> expected = new ArrayList<>(List.of("platform/threads200/counter/local/closed/c16",
                "cluster/workers2/counter/local/closed/c16", "cluster/workers2/counter/primary/closed/c16"));
        if (redis) {
            expected.add(1, "platform/threads200/counter/redis/closed/c16");
            expected.add("cluster/workers2/counter/redis/closed/c16");
        }
        assertEquals(expected, ids);
        for (ConfigurationResult c : saved.configurations()) {
            CounterCheck check = c.counterCheck();
            Configuration configured = c.configuration();
            assertTrue(check.requests() > 0, configured.id());
            if (configured.mode().equals("cluster") && configured.counter().equals("local")) {
                assertTrue(check.highestCount() < check.requests() && check.repeatedCounts() > 0,
                        configured.id() + ": " + check);
            } else {
                assertTrue(check.exact(), configured.id() + ": " + check);
            }
        }
        assertTrue(run.output().contains("repeated counts)"), run.output());
        assertTrue(run.output().contains(": exact"), run.output());
        assertNoServerLeft(saved); // redis-server included: it is in the server's process tree
    }

    /**
     * The saturation guard, both ways: a light open load leaves the generator idle and the
     * run valid; the same run held to an impossible limit is marked invalid, loudly.
     */
    @Test
    void theSaturationGuardFiresWhenTheGeneratorIsBusyAndOnlyThen(@TempDir Path results) throws Exception {
        List<String> light = List.of("-Dmode=single", "-Dworkload=hello", "-Dload=open", "-Drate=50");
        Run calm = start(results.resolve("calm"), light.toArray(String[]::new));
        assertEquals(0, calm.process.waitFor(), calm.output());
        ConfigurationResult valid = ResultsJson.read(onlyFolder(results.resolve("calm"))).configurations().get(0);
        assertTrue(valid.verdict().valid(), valid.verdict().invalidReasons().toString());
        assertTrue(!calm.output().contains("WARNING"), calm.output());

        List<String> strict = new ArrayList<>(light);
        strict.add("-DmaxGeneratorUtilization=0.000001");
        Run busy = start(results.resolve("busy"), strict.toArray(String[]::new));
        assertEquals(0, busy.process.waitFor(), busy.output());
        ConfigurationResult invalid = ResultsJson.read(onlyFolder(results.resolve("busy"))).configurations().get(0);
        List<String> reasons = invalid.verdict().invalidReasons();
        assertTrue(!invalid.verdict().valid() && reasons.get(0).contains("load generator was saturated"),
                reasons.toString());
        assertTrue(busy.output().contains("WARNING: single/hello/open/c4/rate50 is INVALID"), busy.output());
        assertTrue(busy.output().contains("INVALID: the load generator was saturated"), "in the table: " + busy.output());
    }

    /**
     * Capacity at a latency target end to end: an open-load sweep of two rates with a p99 target saves each
     * rate's p99 and the mode's capacity, prints it, and draws it in the report.
     */
    @Test
    void anOpenRateSweepWithATargetSavesPrintsAndDrawsTheCapacity(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dmode=single", "-Dworkload=hello", "-Dload=open", "-Drate=20,40",
                "-Dp99TargetMillis=1000");
        assertEquals(0, run.process.waitFor(), run.output());
        Path folder = onlyFolder(results);
        RunResult saved = ResultsJson.read(folder);
        Capacity capacity = saved.capacity();
        assertEquals(1000.0, capacity.p99TargetMillis());
        assertEquals(1, capacity.modes().size(), capacity.toString());
        Capacity.ModeCapacity single = capacity.modes().get(0);
        assertEquals(List.of(20.0, 40.0), single.rates().stream().map(Capacity.RateP99::ratePerSecond).toList());
        for (Capacity.RateP99 rate : single.rates()) {
            assertEquals(3, rate.trials(), rate.toString());
            assertTrue(rate.p99Micros() > 0 && rate.p99Micros() <= rate.highestTrialP99Micros(), rate.toString());
        }
        assertTrue(run.output().contains("capacity at p99 under 1000 ms (-Dp99TargetMillis):\n  "
                + single.sentence()), run.output());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("p99 against offered rate: hello (target 1000 ms)"), "the chart");
        assertTrue(report.contains("<table class=\"capacity\">"), "the table");
        assertNoServerLeft(saved);

        Run closed = start(results.resolve("closed"), "-Dmode=single", "-Dworkload=hello", "-Dp99TargetMillis=5");
        assertEquals(2, closed.process.waitFor());
        assertTrue(closed.output().contains("-Dp99TargetMillis finds the highest rate each mode sustains")
                && !closed.output().contains("Exception"), "one message, no stack trace: " + closed.output());
        assertTrue(!Files.exists(results.resolve("closed")), "nothing was started, nothing saved");
    }

    /**
     * The fault lab end to end: each mode gets the faults that apply to it, the figures are
     * saved, printed and drawn, and neither a killed process nor its replacement is left.
     */
    @Test
    void aFaultRunKillsRestartsSavesAndReports(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dmode=single,cluster", "-Dworkload=io", "-Dfault=kill-worker@1s,kill-server@1s");
        assertEquals(0, run.process.waitFor(), run.output());
        Path folder = onlyFolder(results);
        RunResult saved = ResultsJson.read(folder);
        assertEquals(RunResult.Status.COMPLETE, saved.status());
        assertEquals(List.of("single/io/closed/c4/kill-server@1s", "cluster/workers2/io/closed/c4/kill-worker@1s",
                "cluster/workers2/io/closed/c4/kill-server@1s"),
                saved.configurations().stream().map(c -> c.configuration().id()).toList());
        for (ConfigurationResult c : saved.configurations()) {
            assertEquals(1, c.trials().size(), c.configuration().id());
            assertEquals(1, c.fault().restarts(), c.configuration().id() + ": " + run.output());
            assertFalse(ProcessGone.alive(c.fault().killedPid()), c.configuration().id());
        }
        assertTrue(run.output().contains("faults (each one run, one observation: no confidence interval)"), run.output());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("Faults under load") && report.contains("killing worker"), "the report's section");
        assertNoServerLeft(saved);
    }

    @Test
    void aFailedRunSaysWhyAndSavesWhatItHad(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dworkload=hello", "-DserverCmd=sh -c 'echo broken; exit 3' {port}");
        assertEquals(1, run.process.waitFor(), run.output());
        assertTrue(run.output().contains("cannot start command"), run.output());
        RunResult saved = ResultsJson.read(onlyFolder(results));
        assertEquals(RunResult.Status.FAILED, saved.status());
    }

    @Test
    void anInterruptedRunKeepsWhatItMeasured(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dmode=cluster,single", "-Dworkload=hello,io", "-DtrialSeconds=1", "-Dtrials=30");
        run.awaitLine("(round 2 of 30)"); // the first round is saved by now
        run.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT would
        run.process.waitFor(60, TimeUnit.SECONDS);
        RunResult saved = ResultsJson.read(onlyFolder(results));
        assertEquals(RunResult.Status.INTERRUPTED, saved.status());
        assertEquals(4, saved.configurations().size(), "every configuration has its first round's trial");
        assertTrue(saved.configurations().stream().allMatch(c -> c.trials().size() >= 1 && c.trials().size() < 30));
        assertEquals(saved.schedule().rounds().size(), saved.configurations().stream()
                .mapToInt(c -> c.trials().size()).min().orElseThrow(), "the saved rounds are the complete ones");
        assertNoServerLeft(saved);
    }

    /**
     * The seeds' Node.js cluster leaves no process behind however its run ends: complete, failed
     * (its primary killed under load), or with the harness itself SIGKILLed, when no code of the
     * harness runs and only the lifeline of the program's process group can stop it.
     */
    @Test
    void aNodeClusterRunLeavesNoNodeProcessAfterSuccessFailureAndSigkill(@TempDir Path results) throws Exception {
        assumeTrue(NodeProgram.problem().isEmpty(), () -> NodeProgram.problem().orElse(""));
        Run complete = start(results.resolve("complete"), "-Dmode=node-cluster", "-Dworkload=hello,io,counter");
        assertEquals(0, complete.process.waitFor(), complete.output());
        RunResult saved = ResultsJson.read(onlyFolder(results.resolve("complete")));
        assertEquals(RunResult.Status.COMPLETE, saved.status());
        assertEquals(List.of("node-cluster/workers2/hello/closed/c4", "node-cluster/workers2/io/closed/c4",
                "node-cluster/workers2/counter/local/closed/c4"),
                saved.configurations().stream().map(c -> c.configuration().id()).toList());
        assertNoServerLeft(saved);
        assertNoNodeProcessLeft();

        Run failed = start(results.resolve("failed"), "-Dmode=node-cluster", "-Dworkload=hello", "-Dtrials=30");
        failed.awaitLine("measuring node-cluster/workers2/hello");
        nodePrimary().destroyForcibly(); // a failure corelab did not cause: the server is gone mid-run
        assertEquals(1, failed.process.waitFor(), failed.output());
        assertTrue(failed.output().contains("died during the measurement"), failed.output());
        assertNoNodeProcessLeft();

        Run killed = start(results.resolve("killed"), "-Dmode=node-cluster", "-Dworkload=hello", "-Dtrials=30");
        killed.awaitLine("measuring node-cluster/workers2/hello");
        assertTrue(nodeProcesses().size() >= 3, "a primary and two workers: " + nodeProcesses());
        killed.process.destroyForcibly();
        killed.process.waitFor();
        assertNoNodeProcessLeft();
    }

    /** The processes running this clone's Node.js program. */
    private static List<ProcessHandle> nodeProcesses() {
        String program = NodeProgram.program().orElseThrow().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(program)).orElse(false)).toList();
    }

    private static ProcessHandle nodePrimary() {
        return nodeProcesses().stream().filter(p -> p.info().commandLine().orElse("").contains("cluster=true")
                && p.parent().map(parent -> !parent.info().command().orElse("").endsWith("node")).orElse(true))
                .findFirst().orElseThrow(() -> new AssertionError("no node primary among " + nodeProcesses()));
    }

    private static void assertNoNodeProcessLeft() throws InterruptedException {
        Eventually.assertWithin(Eventually.PATIENCE, () -> nodeProcesses().isEmpty(),
                () -> "node processes left: " + nodeProcesses().stream().map(ProcessHandle::pid).toList());
    }

    @Test
    void anUnknownOptionStopsBeforeAnythingStarts(@TempDir Path results) throws Exception {
        Run run = start(results, "-Dmdoe=cluster");
        assertEquals(2, run.process.waitFor());
        assertTrue(run.output().contains("unknown option 'mdoe'"), run.output());
        try (Stream<Path> files = Files.list(results)) {
            assertEquals(0, files.count(), "nothing was started, nothing saved");
        }
    }

    private record Run(Process process, List<String> lines) {
        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void awaitLine(String fragment) throws InterruptedException {
            Eventually.assertWithin(Duration.ofSeconds(120), () -> output().contains(fragment),
                    () -> "never saw '" + fragment + "' in:\n" + output());
        }
    }

    private static Run start(Path results, String... options) throws IOException {
        List<String> flags = new ArrayList<>(TINY);
        flags.add("-DresultsDir=" + results);
        flags.addAll(List.of(options));
        Process process = new ProcessBuilder(JvmCommand.forMain(Main.class, flags, List.of()))
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the run is over
            }
        });
        return new Run(process, lines);
    }

    private static Path onlyFolder(Path results) throws IOException {
        try (Stream<Path> folders = Files.list(results)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), "one results folder: " + all);
            return all.get(0);
        }
    }

    /** Every process that served in the run, cluster workers included, is gone. */
    private static void assertNoServerLeft(RunResult saved) throws InterruptedException {
        List<Long> pids = new ArrayList<>();
        for (ConfigurationResult c : saved.configurations()) {
            for (TrialResult t : c.trials()) {
                if (t.server() != null) {
                    t.server().processes().stream().map(ProcessUsage::pid).forEach(pids::add);
                }
            }
        }
        ProcessGone.assertAllExit(pids);
    }
}
