package corelab.modes.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two platform-thread models under the same load: 256 keep-alive connections, each
 * waiting on the backend ({@code io}, 20 ms), against 16 threads. Thread-per-request
 * ({@code poller}) serves every connection, 16 requests at a time; thread-per-connection
 * ({@code platform}) serves 16 connections, and closes the rest at once, because a 17th
 * would otherwise wait for a thread until one of the 16 left.
 */
@Tag("slow")
class PlatformModelsTest {
    private static final int CONNECTIONS = 256;
    private static final int THREADS = 16;
    private static final int REQUESTS_PER_CONNECTION = 4;

    @Test
    void threadPerRequestServesEveryConnection() throws Exception {
        try (RunningServer server = start("poller")) {
            List<HttpConnection> connections = openAll(server);
            try {
                List<Integer> answered = exchangeOnEach(connections);

                assertEquals(CONNECTIONS, answered.size());
                for (int i = 0; i < CONNECTIONS; i++) {
                    assertEquals(REQUESTS_PER_CONNECTION, answered.get(i),
                            "connection " + i + " was not answered every time");
                }
                assertEquals(0, server.refusedConnections(), "16 threads cap requests, not connections");
            } finally {
                closeAll(connections);
            }
        }
    }

    @Test
    void threadPerConnectionServesOnlyAsManyConnectionsAsThreads() throws Exception {
        try (RunningServer server = start("platform")) {
            List<HttpConnection> connections = openAll(server); // all held open: none gives its thread back
            try {
                List<Integer> answered = exchangeOnEach(connections);

                long served = answered.stream().filter(count -> count == REQUESTS_PER_CONNECTION).count();
                long refused = answered.stream().filter(count -> count == 0).count();
                assertEquals(THREADS, served, "one connection per thread, answered every time: " + answered);
                assertEquals(CONNECTIONS - THREADS, refused, "the others get nothing: " + answered);
                assertEquals(CONNECTIONS - THREADS, server.refusedConnections(),
                        "closed at once by the cap the pool sets, not left waiting in the pool's queue");
            } finally {
                closeAll(connections);
            }
        }
    }

    /** A long idle timeout: the first 16 connections must not be closed while the other 240 open. */
    private static RunningServer start(String mode) throws IOException {
        return RunningServer.start(ServerOptions.parse(Map.of("mode", mode, "port", "0",
                "threads", Integer.toString(THREADS), "backendDelayMillis", "20", "idleTimeoutMillis", "60000")),
                0, System.out);
    }

    /** Opens every connection before any request, so that all are open at once. */
    private static List<HttpConnection> openAll(RunningServer server) throws IOException {
        List<HttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.add(HttpConnection.open(server.address()));
        }
        return connections;
    }

    /**
     * Sends {@code io} requests on every connection at once, one after another on each; the
     * count of correct answers per connection, in order. A connection the server closed, or
     * that got no answer within the client's read timeout, stops counting there.
     */
    private static List<Integer> exchangeOnEach(List<HttpConnection> connections) throws Exception {
        List<Future<Integer>> counts = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections.size(); i++) {
                HttpConnection connection = connections.get(i);
                long token = i;
                counts.add(clients.submit(() -> {
                    int correct = 0;
                    for (int r = 0; r < REQUESTS_PER_CONNECTION; r++) {
                        WorkloadRequest work = new WorkloadRequest(Workload.IO, 0, 0, token * 100 + r, 20);
                        try {
                            Http.Response response = connection.exchange(
                                    "GET " + work.target() + " HTTP/1.1\r\nHost: test\r\n\r\n");
                            if (response.status() != 200 || !work.expectedAnswer().equals(response.body())) {
                                return correct;
                            }
                            correct++;
                        } catch (IOException closedOrTimedOut) {
                            return correct;
                        }
                    }
                    return correct;
                }));
            }
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> count : counts) {
            answered.add(count.get());
        }
        return answered;
    }

    private static void closeAll(List<HttpConnection> connections) throws IOException {
        for (HttpConnection connection : connections) {
            connection.close();
        }
    }
}
