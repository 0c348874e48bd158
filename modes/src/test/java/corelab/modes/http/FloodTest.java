package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.JvmCommand;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import corelab.workloads.WorkloadRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 idle connections from another process must not stop a client connected before
 * them from being served: the event loop and the poller hold them without a thread each, the virtual
 * threads hold them cheaply, and the connection cap closes whatever is beyond it.
 */
@Tag("slow")
class FloodTest {
    private static final int FLOOD = 10_000;
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "virtual", "poller"})
    void aFloodOfIdleConnectionsDoesNotStopAClientConnectedBefore(String mode) throws Exception {
        try (RunningServer server = RunningServer.start(ServerOptions.parse(Map.of("mode", mode, "port", "0")), 0,
                System.out);
             HttpConnection before = HttpConnection.open(server.address())) {
            assertHello(before);

            Process flood = new ProcessBuilder(JvmCommand.forMain(IdleFlood.class, List.of(), List.of(
                    "127.0.0.1", Integer.toString(server.address().getPort()), Integer.toString(FLOOD))))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                CompletableFuture<String> report = CompletableFuture.supplyAsync(() -> lastLine(flood));
                String line = report.get(120, TimeUnit.SECONDS);
                assertEquals("flooded " + FLOOD, line, "the flood could not open its connections");

                assertHello(before);
                assertHello(before);
            } finally {
                flood.getOutputStream().close(); // it lets go of its connections and exits
                if (!flood.waitFor(30, TimeUnit.SECONDS)) {
                    flood.destroyForcibly();
                }
                assertTrue(ProcessGone.await(flood.pid()), "the flood process is still running");
            }
        }
    }

    /** The flood's {@code flooded N} line (after any connect failure it reports first). */
    private static String lastLine(Process flood) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(flood.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("flood: " + line);
                if (line.startsWith("flooded ")) {
                    return line;
                }
            }
            return "the flood process ended without a report";
        } catch (IOException e) {
            return "cannot read the flood process: " + e;
        }
    }

    private static void assertHello(HttpConnection client) throws IOException {
        Http.Response response = client.exchange(HELLO);
        assertEquals(200, response.status(), response.body());
        assertEquals(WorkloadRequest.HELLO_ANSWER, response.body());
    }
}
