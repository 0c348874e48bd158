package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import corelab.workloads.BlockingBackendClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The io backend as a process of its own: it answers on loopback, a server started with its
 * port calls it (and starts none of its own), and closing it leaves no process behind.
 */
@Tag("slow")
class BackendProcessTest {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aServerCallsTheBackendProcessAndNothingOfItOutlivesClose() throws Exception {
        BackendProcess backend = BackendProcess.start(READY_TIMEOUT);
        long pid = backend.pid();
        ServerOptions options = ServerOptions.parse(Map.of("mode", "single", "port", "0",
                "backendPort", Integer.toString(backend.port())));
        try (backend; RunningServer server = RunningServer.start(options, 0, System.out)) {
            assertEquals("127.0.0.1", backend.address().getAddress().getHostAddress());
            assertTrue(ProcessHandle.current().descendants().anyMatch(p -> p.pid() == pid),
                    "the backend is a process of its own, started from here");
            try (BlockingBackendClient client = new BlockingBackendClient(backend.address())) {
                client.call(1, 42); // throws unless it echoes the token
            }
            Http.Response answer = Http.get(server.address(), "/io?token=7&delayMillis=1");
            assertEquals(200, answer.status(), answer.body());
            backend.close();
            assertTrue(ProcessGone.awaitOrZombie(pid), "the backend process outlived close()");
            assertNotEquals(200, Http.get(server.address(), "/io?token=8&delayMillis=1").status(),
                    "with its backend gone the server's io fails: it called that process, not one of its own");
        }
    }
}
