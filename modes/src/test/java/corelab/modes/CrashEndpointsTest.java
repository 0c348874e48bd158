package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
            try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
                socket.setSoTimeout(30_000);
                String info = exchange(socket, "/info");
                victim = Long.parseLong(info.replaceAll("(?s).*pid=(\\d+).*", "$1"));
                socket.getOutputStream().write(request("/crash/exit"));
                assertEquals(-1, socket.getInputStream().read(), "the exiting worker answers nothing");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ProcessHandle.of(victim).map(ProcessHandle::isAlive).orElse(false)
                    || !log.toString(StandardCharsets.UTF_8).contains("code=70")) {
                assertTrue(System.nanoTime() < deadline, "worker " + victim + " did not exit:\n" + log);
                Thread.sleep(50);
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(200, Http.get(server.address(), "/hello").status(), "the cluster serves on");
            }
            while (countOnline(log.toString(StandardCharsets.UTF_8)) < 3) {
                assertTrue(System.nanoTime() < deadline, "no replacement came online:\n" + log);
                Thread.sleep(50);
            }
        }
    }

    private static int countOnline(String log) {
        return (int) log.lines().filter(line -> line.startsWith("corelab-worker-online")).count();
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One keep-alive exchange; returns the body. */
    private static String exchange(Socket socket, String target) throws IOException {
        socket.getOutputStream().write(request(target));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the answer: " + head);
            }
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
