package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;

/** What the load generator tests share: a real in-process server, real requests, thread checks. */
final class LoadTesting {
    static final int CPU_ITERATIONS = 1000;
    static final int BACKEND_DELAY_MILLIS = 2;

    private LoadTesting() {
    }

    /** A {@code single} server: one event loop, so one long request stalls every connection. */
    static RunningServer startServer() throws IOException {
        return RunningServer.start(ServerOptions.parse(Map.of("mode", "single", "port", "0",
                "cpuIterations", Integer.toString(CPU_ITERATIONS),
                "backendDelayMillis", Integer.toString(BACKEND_DELAY_MILLIS))), 0, System.out);
    }

    static RequestTemplate template(WorkloadRequest request) {
        return new RequestTemplate(request.target(), request.expectedAnswer());
    }

    static RequestTemplate cpu(long seed) {
        return template(new WorkloadRequest(Workload.CPU, seed, CPU_ITERATIONS, 0, BACKEND_DELAY_MILLIS));
    }

    /** Several different requests, so a mix-up between connections or answers would show as a wrong answer. */
    static List<RequestTemplate> mixedRequests() {
        return List.of(cpu(1), cpu(2), cpu(3),
                template(new WorkloadRequest(Workload.HELLO, 1, CPU_ITERATIONS, 0, BACKEND_DELAY_MILLIS)),
                template(new WorkloadRequest(Workload.IO, 1, CPU_ITERATIONS, 42, BACKEND_DELAY_MILLIS)));
    }

    static LoadSpec closed(int connections, int threads, int requestTimeoutMillis) {
        return new LoadSpec(LoadModel.CLOSED, connections, threads, requestTimeoutMillis);
    }

    static long aliveLoadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("corelab-load-"))
                .count();
    }

    static void assertNoLoadThreadLeft() {
        assertEquals(0, aliveLoadThreads(), "corelab-load threads still alive");
    }

    /** Closes a test server: its listening socket, every socket it accepted, and then waits for its acceptor. */
    static void closeServer(ServerSocket serverSocket, List<Socket> accepted, Thread acceptor) throws IOException {
        serverSocket.close();
        for (Socket socket : accepted) {
            socket.close();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
