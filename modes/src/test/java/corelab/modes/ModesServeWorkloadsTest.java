package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Mode;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every mode serves every workload correctly to many clients at once. (The platform pool
 * gets more threads than there are clients: with fewer, connections beyond the pool are
 * closed at once, which is the mode's real limit, not a bug; see PlatformModelsTest.)
 */
@Tag("slow")
class ModesServeWorkloadsTest {
    private static final int CLIENTS = 24;
    private static final int REQUESTS_PER_CLIENT = 8;

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"NODE", "NODE_CLUSTER", "NODE_PM2"}, mode = EnumSource.Mode.EXCLUDE) // NodeProgramTest
    void everyWorkloadIsAnsweredCorrectlyUnderConcurrency(Mode mode) throws Exception {
        ServerOptions options = ServerOptions.parse(Map.of(
                "mode", mode.word(), "port", "0", "workers", "2", "threads", "64",
                "cpuIterations", "20000", "backendDelayMillis", "5"));
        try (RunningServer server = RunningServer.start(options, 0, System.out);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(10)).build();
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            String base = "http://" + server.readyLine().host() + ":" + server.readyLine().port();
            AtomicInteger correct = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientId = c;
                done.add(clients.submit(() -> {
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        Workload workload = Workload.values()[(clientId + r) % Workload.values().length];
                        // Different seeds and tokens per request: a mixed-up answer cannot pass.
                        WorkloadRequest work = new WorkloadRequest(workload, clientId * 1000L + r, 20_000,
                                clientId * 7919L + r, 5);
                        HttpResponse<String> response = client.send(
                                HttpRequest.newBuilder(URI.create(base + work.target()))
                                        .timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, response.statusCode(), () -> mode + " " + work.target());
                        if (workload.hasExactAnswer()) {
                            assertEquals(work.expectedAnswer(), response.body(), () -> mode + " " + work.target());
                        } else { // a count; CounterTest checks what the counts add up to
                            assertTrue(WorkloadRequest.countIn(response.body()) > 0, () -> mode + " " + response.body());
                        }
                        correct.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            assertEquals(CLIENTS * REQUESTS_PER_CLIENT, correct.get());

            HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(base + "/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String expectedMode = mode == Mode.CLUSTER ? "single" : mode.word();
            assertTrue(info.body().startsWith("mode=" + expectedMode + " "), info.body());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"NODE", "NODE_CLUSTER", "NODE_PM2"}, mode = EnumSource.Mode.EXCLUDE)
    void defaultSizedWorkIsCorrectToo(Mode mode) throws Exception {
        if (mode == Mode.CLUSTER) {
            return; // the cluster's workers run the in-process modes tested here; it is covered above
        }
        ServerOptions options = ServerOptions.parse(Map.of("mode", mode.word(), "port", "0"));
        try (RunningServer server = RunningServer.start(options, 0, System.out)) {
            WorkloadRequest work = new WorkloadRequest(Workload.CPU, 42, options.workloads().cpuIterations(), 0, 0);
            Http.Response response = Http.get(server.address(), "/cpu?seed=42");
            assertEquals(200, response.status());
            assertEquals(work.expectedAnswer(), response.body());
        }
    }
}
