package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.wire.ReadyLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM stops a server gracefully, as a real process receives it: a request in flight gets
 * its whole answer, with {@code Connection: close}; an idle keep-alive connection is closed; the
 * process exits, and no process it started is left. A cluster primary does the same through its
 * workers. And the grace period bounds it: a request slower than the grace is cut, and the
 * process still exits.
 */
@Tag("slow")
class GracefulStopTest {
    private static final String SLOW = "GET /io HTTP/1.1\r\nHost: test\r\n\r\n";
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";
    /** Long enough that SIGTERM surely arrives while the request waits for its backend. */
    private static final int BACKEND_DELAY_MILLIS = 1500;

    @ParameterizedTest
    @ValueSource(strings = {"mode=single", "mode=virtual", "mode=cluster workers=2 balance=kernel"})
    void sigtermAnswersTheRequestInFlightClosesTheIdleConnectionAndExits(String modeArgs) throws Exception {
        try (PrimaryProcess server = start(modeArgs, 5000)) {
            InetSocketAddress address = ready(server);
            try (HttpConnection busy = HttpConnection.open(address); HttpConnection idle = HttpConnection.open(address)) {
                // One answer on each first: both connections are accepted, not waiting in a queue.
                assertEquals(200, busy.exchange(HELLO).status());
                assertEquals(200, idle.exchange(HELLO).status());
                busy.send(SLOW);
                CompletableFuture<Http.Response> answer = CompletableFuture.supplyAsync(() -> read(busy));
                Thread.sleep(300); // the request is in its handler, waiting for the backend
                server.recordDescendants();
                server.process.destroy(); // SIGTERM

                Http.Response response = answer.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertEquals(200, response.status(), response.toString());
                assertTrue(response.announcesClose(), "the drained answer says Connection: close: " + response);
                assertTrue(busy.closedByServer(), "after its answer, the connection is closed");
                assertTrue(idle.closedByServer(), "the idle keep-alive connection is closed");
            }
            assertTrue(server.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the server exits");
            assertEquals(143, server.process.exitValue(), "the exit of a process ended by SIGTERM: 128 + 15");
            assertThrows(IOException.class, () -> Http.get(address, "/hello"), "nothing listens any more");
        } // closing checks that no process it started is left
    }

    @Test
    void aRequestSlowerThanTheGracePeriodIsCutAndTheServerStillExits() throws Exception {
        try (PrimaryProcess server = start("mode=virtual", 200)) {
            InetSocketAddress address = ready(server);
            try (HttpConnection busy = HttpConnection.open(address)) {
                assertEquals(200, busy.exchange(HELLO).status());
                busy.send(SLOW);
                Thread.sleep(300);
                server.process.destroy();
                assertTrue(server.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the server exits");
                assertTrue(busy.closedByServer(), "the request outlived the grace period: closed without an answer");
            }
        }
    }

    private static PrimaryProcess start(String modeArgs, int graceMillis) throws IOException {
        List<String> args = new ArrayList<>(List.of(modeArgs.split(" ")));
        args.addAll(List.of("port=0", "backendDelayMillis=" + BACKEND_DELAY_MILLIS, "shutdownGraceMillis=" + graceMillis));
        return PrimaryProcess.start(Map.of(), args);
    }

    private static InetSocketAddress ready(PrimaryProcess server) throws InterruptedException {
        ReadyLine ready = ReadyLine.parse(server.awaitLine(line -> ReadyLine.parse(line).isPresent())).orElseThrow();
        server.recordDescendants();
        return new InetSocketAddress(ready.host(), ready.port());
    }

    private static Http.Response read(HttpConnection connection) {
        try {
            return connection.readResponse();
        } catch (IOException e) {
            throw new IllegalStateException("no answer: " + e.getMessage(), e);
        }
    }
}
