package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.workloads.WorkloadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code counter} workload under concurrent load, on real sockets and real processes:
 * a count shared correctly hands out 1..N, each value once, for N requests; a cluster whose
 * workers count locally hands out some values twice.
 */
@Tag("slow")
class CounterTest {
    static final int CLIENTS = 16;
    static final int REQUESTS_PER_CLIENT = 25;
    static final int REQUESTS = CLIENTS * REQUESTS_PER_CLIENT;

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SINGLE", "PLATFORM", "VIRTUAL", "OFFLOAD"})
    void threadsOfOneProcessCountExactly(Mode mode) throws Exception {
        List<Long> values = countWith(Map.of("mode", mode.word(), "threads", "32"));
        assertExact(values);
    }

    @Test
    void aClusterWithLocalCountsDiverges() throws Exception {
        List<Long> values = countWith(Map.of("mode", "cluster", "workers", "2", "counter", "local"));
        Map<Long, Long> timesSeen = values.stream().collect(Collectors.groupingBy(v -> v, HashMap::new, Collectors.counting()));
        // Each worker counts only the connections the kernel gave it, from 1: values repeat
        // across workers, and no answer reaches the number of requests made.
        assertTrue(timesSeen.values().stream().anyMatch(n -> n > 1), "no value was repeated: " + timesSeen);
        assertTrue(values.stream().mapToLong(Long::longValue).max().orElseThrow() < REQUESTS, values::toString);
    }

    @Test
    void aClusterCountingInItsPrimaryCountsExactly() throws Exception {
        assertExact(countWith(Map.of("mode", "cluster", "workers", "2", "counter", "primary")));
    }

    @Test
    void aClusterOfThreadedWorkersCountingInItsPrimaryCountsExactly() throws Exception {
        assertExact(countWith(Map.of("mode", "cluster", "workers", "2", "workerMode", "virtual", "counter", "primary")));
    }

    @Test
    void primaryWithoutAClusterIsOneClearMessage() {
        OptionException e = assertThrows(OptionException.class, () -> RunningServer.start(
                ServerOptions.parse(Map.of("mode", "platform", "port", "0", "counter", "primary")), 0, System.out));
        assertTrue(e.getMessage().contains("counter=primary keeps the count in a cluster's primary, and mode=platform"
                + " has no primary"), e.getMessage());
    }

    @Test
    void anUnknownCounterStoreListsTheValidOnes() {
        OptionException e = assertThrows(OptionException.class,
                () -> ServerOptions.parse(Map.of("counter", "memcached")));
        assertEquals("counter: unknown counter store 'memcached'; valid counter stores: local, primary, redis", e.getMessage());
    }

    /** {@link #REQUESTS} requests to {@code /counter} from {@link #CLIENTS} clients at once, each on a new connection. */
    static List<Long> countWith(Map<String, String> given) throws Exception {
        Map<String, String> options = new HashMap<>(given);
        options.put("port", "0");
        try (RunningServer server = RunningServer.start(ServerOptions.parse(options), 0, System.out);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Long>>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                answers.add(clients.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        Http.Response response = Http.get(server.address(), "/counter");
                        assertEquals(200, response.status(), response.body());
                        long value = WorkloadRequest.countIn(response.body());
                        assertTrue(value > 0, "not a counter answer: '" + response.body() + "'");
                        seen.add(value);
                    }
                    return seen;
                }));
            }
            List<Long> values = new ArrayList<>();
            for (Future<List<Long>> answer : answers) {
                values.addAll(answer.get());
            }
            return values;
        }
    }

    /** Every value from 1 to the number of requests, each exactly once. */
    static void assertExact(List<Long> values) {
        assertEquals(LongStream.rangeClosed(1, REQUESTS).boxed().toList(), values.stream().sorted().toList());
    }
}
