package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.options.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ProcessTreeSamplerTest {
    @Test
    void aClusterIsThreeProcessesEachUsingCpuMemoryAndThreads() throws Exception {
        assumeTrue(ProcessTreeSampler.available(), "no /proc here");
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workers", "2", "port", "0"));
        try (ServerProcess server = ServerProcess.startMode(options, 0, List.of(), Duration.ofSeconds(60))) {
            long primary = server.handle().pid();
            TreeSample sample = ProcessTreeSampler.sample(server.handle());
            assertEquals(3, sample.processes().size(), sample.toString());
            for (ProcessSample process : sample.processes()) {
                assertTrue(process.cpuNanos() > 0 && process.rssBytes() > 0 && process.threads() > 0, process.toString());
                assertTrue(process.command().startsWith("java corelab.modes.ServerMain "), process.command());
                assertTrue(process.pid() == primary || process.command().contains("workerId="), process.command());
                assertTrue(process.command().length() <= ProcFiles.COMMAND_MAX_CHARS, process.command());
                if (process.pid() != primary) {
                    assertEquals(primary, process.parentPid(), "a worker's parent is the primary");
                }
            }
            assertEquals(primary, sample.processes().get(0).pid(), "the root comes first");
            assertTrue(sample.processes().get(0).command().startsWith("java corelab.modes.ServerMain mode=cluster"));
            assertEquals(sample.processes().stream().mapToLong(ProcessSample::cpuNanos).sum(), sample.totalCpuNanos());
            assertEquals(sample.processes().stream().mapToLong(ProcessSample::rssBytes).sum(), sample.totalRssBytes());
            assertEquals(sample.processes().stream().mapToInt(ProcessSample::threads).sum(), sample.totalThreads());
        }
    }

    /**
     * Two JVMs, a cluster's primary and its one worker, share libjvm and the class-data archive: RSS counts
     * those pages once per JVM, PSS splits them, so the tree's PSS is below its RSS sum.
     */
    @Test
    void theTreesPssOfTwoJvmsIsBelowTheSumOfTheirRss() throws Exception {
        assumeTrue(ProcessTreeSampler.available() && ProcFiles.pssBytes(ProcessHandle.current().pid()) > 0,
                "no /proc/<pid>/smaps_rollup here");
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workers", "1", "port", "0"));
        try (ServerProcess server = ServerProcess.startMode(options, 0, List.of(), Duration.ofSeconds(60))) {
            TreeMemory memory = ProcessTreeSampler.memory(server.handle());
            assertEquals(2, ProcessTreeSampler.sample(server.handle()).processes().size());
            assertTrue(memory.rssBytes() > 0 && memory.pssBytes() > 0, memory.toString());
            assertTrue(memory.pssBytes() < memory.rssBytes(), memory.toString());
        }
    }

    @Test
    void aProcessThatIsGoneIsLeftOut() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertEquals(List.of(), ProcessTreeSampler.sample(done.toHandle()).processes());
    }

    @Test
    void anUnavailableFigureMakesItsTotalUnavailable() {
        TreeSample sample = new TreeSample(0, List.of(new ProcessSample(1, 0, "a", 5, 10, 2),
                new ProcessSample(2, 1, "b", ProcessSample.UNAVAILABLE, 20, 3)));
        assertEquals(ProcessSample.UNAVAILABLE, sample.totalCpuNanos());
        assertEquals(30, sample.totalRssBytes());
        assertEquals(5, sample.totalThreads());
    }

    @Test
    void aJavaCommandIsShownByItsMainClassNotItsClasspath() {
        List<String> argv = List.of("/usr/lib/jvm/jdk/bin/java", "-Xmx64m", "-cp", "/a/very/long/classpath.jar",
                "corelab.modes.ServerMain", "mode=single", "port=0");
        assertEquals("java corelab.modes.ServerMain mode=single port=0", ProcFiles.shortCommand(argv, "java"));
        assertEquals("python3 -m http.server 8000", ProcFiles.shortCommand(
                List.of("/usr/bin/python3", "-m", "http.server", "8000"), "python3"));
        assertEquals("zombie", ProcFiles.shortCommand(List.of(), "zombie"));
        String cut = ProcFiles.shortCommand(List.of("sh", "-c", "x".repeat(200)), "sh");
        assertEquals(ProcFiles.COMMAND_MAX_CHARS, cut.length());
        assertTrue(cut.endsWith("..."));
    }
}
