package corelab.harness.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.execute.BenchmarkRunner;
import corelab.harness.plan.BenchmarkOptions;
import corelab.results.ConfigurationResult;
import corelab.results.ProfileResult;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Profiled runs against real servers: async-profiler inside the server's JVMs during the
 * trials writes complete flame graphs where the work is, one per process of a cluster and a
 * merged one, still profiles when forced onto a timer, and dies with the server.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("slow")
class ProfiledRunTest {
    private static final String KERNEL_METHOD = "corelab/workloads/CpuKernel.compute";

    static Map<String, String> tiny(Path results, String mode, String workload, String profile) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", mode);
        options.put("workload", workload);
        options.put("workers", "2");
        options.put("concurrency", "4");
        options.put("cpuIterations", "20000");
        options.put("warmupSeconds", "1");
        options.put("trials", "2");
        options.put("trialSeconds", "2");
        options.put("profile", profile);
        options.put("resultsDir", results.toString());
        return options;
    }

    static RunResult run(Map<String, String> options) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkOptions.parse(options), options,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        runner.run();
        RunResult run = ResultsJson.read(runner.resultsFolder());
        assertEquals(RunResult.Status.COMPLETE, run.status(), console.toString(StandardCharsets.UTF_8));
        return run;
    }

    @Test
    void aProfiledSingleServerOnCpuSpendsMostSamplesInTheKernelMethodAndLeavesNothingBehind(@TempDir Path results)
            throws Exception {
        RunResult run = run(tiny(results, "single", "cpu", "cpu"));
        Path folder = results.resolve(run.runId());
        assertEquals(2, run.configurations().size(), "the profiler's cost: the same configuration unprofiled first");
        ConfigurationResult baseline = run.configurations().get(0);
        ConfigurationResult profiled = run.configurations().get(1);
        assertNull(baseline.profile());
        assertEquals(baseline.configuration().id() + "/profile-cpu", profiled.configuration().id());
        assertTrue(run.comparisons().isEmpty(), "a profiled configuration is never compared with an unprofiled one");
        ProfileResult profile = profiled.profile();
        assertTrue(List.of("perf_events", "itimer").contains(profile.engine()), profile.engine());
        assertEquals(1, profile.processes().size());
        assertComplete(folder.resolve(profile.flameGraph()), folder.resolve(profile.collapsed()));

        Map<String, Long> self = selfSamples(folder.resolve(profile.collapsed()));
        long total = self.values().stream().mapToLong(Long::longValue).sum();
        String top = self.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(KERNEL_METHOD, top, "the frame with the most self samples: " + self);
        assertTrue(self.get(KERNEL_METHOD) >= 0.30 * total, self.get(KERNEL_METHOD) + " of " + total);

        // The profiler lives inside the server: once the server is gone, nothing of it is.
        assertTrue(ProcessGone.await(profile.processes().get(0).pid()), "the server exited");
        assertEquals(List.of(), processesMapping("corelab-async-profiler-"), "no live process holds the profiler");
        assertEquals(List.of(), leftoverLibraries(), "no extracted library is left on disk");
    }

    @Test
    void aProfiledClusterWritesOneGraphPerProcessAndAMergedOne(@TempDir Path results) throws Exception {
        Map<String, String> options = tiny(results, "cluster", "hello", "cpu");
        // balance=kernel hashes each connection to a worker: with 4, one worker got none of them in one CI
        // run out of several (a worker that serves nothing has no sample); with 16, a worker is left without
        // a connection once in 2^15 runs.
        options.put("concurrency", "16");
        RunResult run = run(options);
        Path folder = results.resolve(run.runId());
        ProfileResult profile = run.configurations().get(1).profile();
        assertNotNull(profile);
        assertEquals(List.of("primary", "worker", "worker"),
                profile.processes().stream().map(ProfileResult.ProcessProfile::role).toList());
        assertEquals(List.of(0, 1, 2), profile.processes().stream().map(ProfileResult.ProcessProfile::workerId).toList());
        long parts = 0;
        for (ProfileResult.ProcessProfile process : profile.processes()) {
            // With balance=kernel the primary only waits while the workers serve: it may have no sample at all.
            assertComplete(folder.resolve(process.flameGraph()), folder.resolve(process.collapsed()),
                    process.role().equals("primary"));
            parts += sum(selfSamples(folder.resolve(process.collapsed())));
            assertTrue(ProcessGone.await(process.pid()), "process " + process.pid() + " exited");
        }
        assertTrue(parts > 0, "the workers were sampled");
        assertTrue(profile.flameGraph().endsWith("-merged.html"), profile.flameGraph());
        assertComplete(folder.resolve(profile.flameGraph()), folder.resolve(profile.collapsed()));
        assertEquals(parts, sum(selfSamples(folder.resolve(profile.collapsed()))), "the merge is every process's stacks");
        assertEquals(List.of(), processesMapping("corelab-async-profiler-"));
    }

    @Test
    void forcingTheTimerEngineStillProfilesWithoutKernelFrames(@TempDir Path results) throws Exception {
        RunResult run = run(tiny(results, "single", "cpu", "ctimer"));
        Path folder = results.resolve(run.runId());
        ProfileResult profile = run.configurations().get(1).profile();
        assertEquals("ctimer", profile.engine());
        assertTrue(profile.samples() > 0, "samples were taken");
        Map<String, Long> self = selfSamples(folder.resolve(profile.collapsed()));
        assertTrue(self.containsKey(KERNEL_METHOD), self.toString());
        // async-profiler's docs: only perf_events obtains kernel stack traces
        assertFalse(self.keySet().stream().anyMatch(frame -> frame.endsWith("_[k]")), self.toString());
    }

    /**
     * The other events: a short profiled run of each writes a complete flame graph with samples
     * ({@code lock} on {@code offload} with {@code cpu}: its event loop hands every request's work to
     * its pool's queue and takes the result back, and the two sides contend for the same locks).
     */
    @ParameterizedTest
    @CsvSource({"wall,single,hello", "alloc,single,hello", "lock,offload,cpu"})
    void eachOtherEventWritesAFlameGraphWithSamples(String event, String mode, String workload, @TempDir Path results)
            throws Exception {
        Map<String, String> options = tiny(results, mode, workload, event);
        options.put("concurrency", "16");
        RunResult run = run(options);
        Path folder = results.resolve(run.runId());
        ProfileResult profile = run.configurations().get(1).profile();
        assertEquals(event, profile.event());
        assertEquals(event, profile.engine());
        assertTrue(profile.samples() > 0, "samples were taken");
        assertComplete(folder.resolve(profile.flameGraph()), folder.resolve(profile.collapsed()));
        assertTrue(sum(selfSamples(folder.resolve(profile.collapsed()))) > 0, "the stacks carry their samples");
    }

    /** The interactive page is whole (async-profiler's ends its HTML) and every collapsed line has its count. */
    static void assertComplete(Path html, Path collapsed) throws IOException {
        assertComplete(html, collapsed, false);
    }

    private static void assertComplete(Path html, Path collapsed, boolean mayBeEmpty) throws IOException {
        assertTrue(Files.readString(html).strip().endsWith("</html>"), html + " is complete");
        List<String> lines = Files.readAllLines(collapsed);
        assertTrue(mayBeEmpty || !lines.isEmpty(), collapsed + " has stacks");
        assertTrue(lines.stream().allMatch(l -> l.matches(".+ \\d+")), collapsed + " is whole");
    }

    static Map<String, Long> selfSamples(Path collapsed) throws IOException {
        Map<String, Long> self = new HashMap<>();
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            String stack = line.substring(0, space);
            self.merge(stack.substring(stack.lastIndexOf(';') + 1), Long.parseLong(line.substring(space + 1)), Long::sum);
        }
        return self;
    }

    static long sum(Map<String, Long> samples) {
        return samples.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The pids of live processes that map a file whose name contains {@code name}. */
    private static List<Long> processesMapping(String name) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return Files.readString(p.resolve("maps")).contains(name);
                } catch (IOException | RuntimeException e) {
                    return false; // gone meanwhile, or not ours to read
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private static List<Path> leftoverLibraries() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("corelab-async-profiler-")).toList();
        }
    }
}
