package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.ServerOptions;
import corelab.modes.server.CrashEndpoints;
import corelab.modes.wire.WorkerExitLine;
import corelab.modes.wire.WorkerOnlineLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.HttpConnection;
import corelab.testkit.ProcessGone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The crash endpoints of the fault labs: off unless asked; on, only with the run's secret from the
 * ready line; an exception in a handler fails one request and nothing else; a cluster worker that
 * exits is replaced while the others serve.
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
            assertTrue(server.readyLine().crashSecret().isEmpty(), "no secret to print: " + server.readyLine().format());
        }
    }

    @Test
    void withoutTheRunsSecretTheyAreForbiddenAndNothingCrashes() throws Exception {
        try (RunningServer server = RunningServer.start(
                ServerOptions.parse(Map.of("mode", "single", "port", "0", "crashEndpoints", "true")), 0, System.out)) {
            String secret = server.readyLine().crashSecret().orElseThrow();
            assertTrue(secret.length() >= 32, "128 random bits: " + secret);
            for (String target : List.of(CrashEndpoints.EXIT_PATH, CrashEndpoints.THROW_PATH,
                    CrashEndpoints.target(CrashEndpoints.EXIT_PATH, ""),
                    CrashEndpoints.target(CrashEndpoints.EXIT_PATH, secret.substring(1)),
                    CrashEndpoints.target(CrashEndpoints.EXIT_PATH, secret + "0"),
                    CrashEndpoints.EXIT_PATH + "?token=1&secrets=" + secret)) {
                assertEquals(403, Http.get(server.address(), target).status(), target);
            }
            assertEquals(200, Http.get(server.address(), "/hello").status(), "the server lives on");
        }
    }

    @Test
    void eachStartHasItsOwnSecretUnlessOneIsGiven() throws Exception {
        Map<String, String> options = Map.of("mode", "single", "port", "0", "crashEndpoints", "true");
        String first;
        try (RunningServer server = RunningServer.start(ServerOptions.parse(options), 0, System.out)) {
            first = server.readyLine().crashSecret().orElseThrow();
        }
        try (RunningServer server = RunningServer.start(ServerOptions.parse(options), 0, System.out)) {
            assertNotEquals(first, server.readyLine().crashSecret().orElseThrow());
        }
        Map<String, String> given = new java.util.HashMap<>(options);
        given.put("crashSecret", "chosen-by-hand");
        try (RunningServer server = RunningServer.start(ServerOptions.parse(given), 0, System.out)) {
            assertEquals("chosen-by-hand", server.readyLine().crashSecret().orElseThrow());
            assertEquals(500, Http.get(server.address(),
                    CrashEndpoints.target(CrashEndpoints.THROW_PATH, "chosen-by-hand")).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "platform", "virtual", "offload"})
    void anExceptionInAHandlerFailsOneRequestOnly(String mode) throws Exception {
        try (RunningServer server = RunningServer.start(
                ServerOptions.parse(Map.of("mode", mode, "port", "0", "crashEndpoints", "true")), 0, System.out)) {
            String secret = server.readyLine().crashSecret().orElseThrow();
            Http.Response crashed = Http.get(server.address(), CrashEndpoints.target(CrashEndpoints.THROW_PATH, secret));
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
            String secret = server.readyLine().crashSecret().orElseThrow(); // the primary's, which its workers share
            long victim;
            try (HttpConnection connection = HttpConnection.open(server.address())) {
                String info = connection.exchange(request("/info")).body();
                victim = Long.parseLong(info.replaceAll("(?s).*pid=(\\d+).*", "$1"));
                connection.send(request(CrashEndpoints.target(CrashEndpoints.EXIT_PATH, secret)));
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
                .anyMatch(exit -> exit.pid() == pid && exit.exitCode() == CrashEndpoints.EXIT_CODE);
    }

    /** A keep-alive request: the connection serves the next one too. */
    private static String request(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }
}
