package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.ServerOptions;
import corelab.modes.wire.WorkerExitLine;
import corelab.modes.wire.WorkerOnlineLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The crash endpoints of the fault labs: off unless asked; an exception in a handler fails
 * one request and nothing else; a cluster worker that exits is replaced while the others serve.
 */
@Tag("slow")
class CrashEndpointsTest {
    @Test
    void theyAreOffUnlessAsked() throws Exception {
        try (RunningServer server = RunningServer.start(
                ServerOptions.parse(Map.of("mode", "single", "port", "0")), 0, System.out)) {
            assertEquals(404, Http.get(server.address(), "/crash/throw").status());
            assertEquals(404, Http.get(server.address(), "/crash/exit").status());
            assertEquals(200, Http.get(server.address(), "/hello").status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "platform", "virtual", "offload"})
    void anExceptionInAHandlerFailsOneRequestOnly(String mode) throws Exception {
        try (RunningServer server = RunningServer.start(
                ServerOptions.parse(Map.of("mode", mode, "port", "0", "crashEndpoints", "true")), 0, System.out)) {
            Http.Response crashed = Http.get(server.address(), "/crash/throw");
            assertEquals(500, crashed.status());
            assertTrue(crashed.body().contains("/crash/throw was asked to fail"), crashed.body());
            assertEquals(200, Http.get(server.address(), "/hello").status());
        }
    }

    @Test
    void aClusterWorkerThatExitsIsReplacedAndTheOthersServeOn() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream primaryLog = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (RunningServer server = RunningServer.start(ServerOptions.parse(Map.of(
                "mode", "cluster", "workers", "2", "port", "0", "crashEndpoints", "true")), 0, primaryLog)) {
            long victim;
            try (HttpConnection connection = HttpConnection.open(server.address())) {
                String info = connection.exchange(request("/info")).body();
                victim = Long.parseLong(info.replaceAll("(?s).*pid=(\\d+).*", "$1"));
                connection.send(request("/crash/exit"));
                assertTrue(connection.closedByServer(), "the exiting worker answers nothing");
            }
            Eventually.assertWithin(Eventually.PATIENCE, () -> !ProcessGone.alive(victim)
                    && exitedWith70(log.toString(StandardCharsets.UTF_8), victim), () -> "worker " + victim + " did not exit:\n" + log);
            for (int i = 0; i < 10; i++) {
                assertEquals(200, Http.get(server.address(), "/hello").status(), "the cluster serves on");
            }
            Eventually.assertWithin(Eventually.PATIENCE, () -> countOnline(log.toString(StandardCharsets.UTF_8)) >= 3,
                    () -> "no replacement came online:\n" + log);
        }
    }

    private static int countOnline(String log) {
        return (int) log.lines().filter(line -> WorkerOnlineLine.parse(line).isPresent()).count();
    }

    /** The primary said that {@code pid} exited with /crash/exit's code, 70. */
    private static boolean exitedWith70(String log, long pid) {
        return log.lines().flatMap(line -> WorkerExitLine.parse(line).stream())
                .anyMatch(exit -> exit.pid() == pid && exit.exitCode() == 70);
    }

    /** A keep-alive request: the connection serves the next one too. */
    private static String request(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }
}
