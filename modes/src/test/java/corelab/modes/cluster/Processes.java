package corelab.modes.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the process tests of modes share: waiting for a process to be gone, and one plain request. */
public final class Processes {
    public static final long WAIT_SECONDS = 60;

    private Processes() {
    }

    /** True once {@code pid} has exited; false if it still runs after {@link #WAIT_SECONDS}. */
    public static boolean awaitGone(long pid) throws InterruptedException {
        return await(pid, false);
    }

    /**
     * Like {@link #awaitGone}, but a zombie counts as gone: a killed process whose parent died
     * is adopted by pid 1, and where pid 1 does not reap (some containers) it stays a zombie:
     * dead, holding nothing, yet still "alive" to {@link ProcessHandle}.
     */
    public static boolean awaitGoneOrZombie(long pid) throws InterruptedException {
        return await(pid, true);
    }

    private static boolean await(long pid, boolean zombieIsGone) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || (zombieIsGone && zombie(pid))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // no such process any more
        }
    }

    /** One request on a new connection; the whole response, head and body. */
    public static String get(InetSocketAddress address, String target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
