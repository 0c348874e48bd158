package corelab.harness.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.load.CounterLedger;
import corelab.harness.load.RequestTemplate;
import corelab.harness.server.ServerProcess;
import corelab.harness.server.WorkerOnline;
import corelab.modes.BackendProcess;
import corelab.modes.NodeProgram;
import corelab.modes.options.Mode;
import corelab.modes.options.ServerOptions;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.WorkerOnlineLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import corelab.workloads.CpuKernel;
import corelab.workloads.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seeds' Node.js program, checked as corelab checks its own modes: every workload's answer
 * judged as the load generator judges it, its lines read by the wire's records (and written
 * exactly as their format() writes them), its cpu kernel equal to the JVM's, and nothing of it
 * left after close(). Needs node 18 or newer, as the README's install line gives.
 */
@Tag("slow")
class NodeProgramTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void needsNode() {
        Optional<String> problem = NodeProgram.problem();
        assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"NODE", "NODE_CLUSTER", "NODE_PM2"})
    void answersEveryWorkloadCheckAndSpeaksTheWire(Mode mode) throws Exception {
        Optional<String> problem = NodeProgram.problem(mode);
        assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
        int workers = mode == Mode.NODE ? 0 : 2;
        try (BackendProcess backend = BackendProcess.start(READY_TIMEOUT)) {
            ServerOptions options = ServerOptions.parse(Map.of("port", "0", "cpuIterations", "1000",
                    "backendDelayMillis", "2", "backendPort", Integer.toString(backend.port())));
            ServerProcess server = ServerProcess.startNode(options, mode, workers, 0, READY_TIMEOUT);
            List<Long> tree = new ArrayList<>();
            try (server) {
                for (Workload workload : Workload.values()) {
                    List<RequestTemplate> requests = WorkloadRequests.templates(workload, options);
                    for (RequestTemplate request : requests.subList(0, Math.min(4, requests.size()))) {
                        WorkloadRequests.verify(server.address(), server.description(), request, new CounterLedger());
                    }
                }
                Http.Response info = Http.get(server.address(), "/info");
                assertEquals(200, info.status());
                assertTrue(info.body().startsWith("mode=" + mode.word() + " pid="), info.body());
                assertEquals(404, Http.get(server.address(), "/nowhere").status());
                assertEquals(400, Http.get(server.address(), "/cpu?seed=x").status());

                List<String> output = server.recentOutput();
                String readyText = output.stream().filter(line -> line.startsWith(ReadyLine.PREFIX)).findFirst()
                        .orElseThrow(() -> new AssertionError("no ready line in " + output));
                ReadyLine ready = ReadyLine.parse(readyText).orElseThrow();
                assertEquals(mode.word(), ready.mode());
                assertEquals(readyText, ready.format(), "written as ReadyLine.format() writes it");
                Eventually.assertWithin(Eventually.PATIENCE, () -> server.workersOnline().size() == workers,
                        () -> "worker-online lines: " + server.recentOutput());
                for (String line : output) {
                    WorkerOnlineLine.parse(line).ifPresent(online -> assertEquals(line, online.format()));
                }
                // Stats lines (forwarded by the primary for a cluster's workers) are read by StatsLine.parse.
                long serving = workers > 0 ? workers : 1;
                Eventually.assertWithin(Eventually.PATIENCE, () -> server.statsByProcess().size() == serving
                        && server.statsByProcess().values().stream().mapToLong(StatsLine::requests).sum() >= 5,
                        () -> "stats lines read: " + server.statsByProcess());
                if (workers > 0) {
                    assertEquals(server.statsByProcess().keySet(),
                            server.workersOnline().stream().map(WorkerOnline::pid).collect(Collectors.toSet()),
                            "the stats come from the workers that came online");
                }
                server.handle().descendants().forEach(process -> tree.add(process.pid()));
                tree.add(server.handle().pid());
            }
            ProcessGone.assertAllExit(tree);
            // Under PM2: its PM2_HOME was the run's own, and nothing of PM2 outlives the server.
            server.command().stream().filter(word -> word.startsWith("PM2_HOME=")).map(word -> Path.of(word.substring(9)))
                    .forEach(home -> assertFalse(Files.exists(home), "PM2_HOME left behind: " + home));
        }
    }

    @Test
    void theKernelInJavaScriptEqualsTheJvms() throws Exception {
        long[][] cases = {{1, 1000}, {7, 250_000}, {-5, 3}, {Long.MAX_VALUE, 10}, {Long.MIN_VALUE, 77}, {0, 0},
                {123_456_789_012L, 4096}};
        StringBuilder script = new StringBuilder("const { compute } = require(process.argv[1]);\n");
        for (long[] c : cases) {
            script.append("console.log(compute(").append(c[0]).append("n, ").append(c[1]).append("));\n");
        }
        Path kernel = NodeProgram.program().orElseThrow().resolveSibling("kernel.js");
        Process node = new ProcessBuilder("node", "-e", script.toString(), kernel.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, node.waitFor(), "node said: " + lines);
        assertEquals(cases.length, lines.size(), lines.toString());
        for (int i = 0; i < cases.length; i++) {
            assertEquals(Long.toHexString(CpuKernel.compute(cases[i][0], (int) cases[i][1])), lines.get(i),
                    "seed " + cases[i][0] + ", " + cases[i][1] + " iterations");
        }
    }
}
