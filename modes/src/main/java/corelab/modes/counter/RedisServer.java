package corelab.modes.counter;

import corelab.modes.process.ChildProcess;
import corelab.modes.process.RecentLines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A throwaway Redis for {@code counter=redis} with {@code redisPort=0}: Debian's
 * {@code redis-server} on a free loopback port, with persistence off (no snapshot, no
 * append-only file: the count starts at nothing and leaves nothing on disk). It runs as a
 * {@link ChildProcess}, so it never outlives the JVM that started it, even after SIGKILL; a
 * server started by the harness starts it as part of its own process tree, so its CPU and
 * memory count in the measurements, as the fix's cost.
 */
public final class RedisServer implements AutoCloseable {
    public static final String PROGRAM = "redis-server";
    public static final String INSTALL = "apt-get install redis-server";
    static final long READY_TIMEOUT_MILLIS = 20_000;
    /** Another program may take the free port between the check and Redis's bind: try a few. */
    static final int ATTEMPTS = 5;
    private static final int OUTPUT_LINES_KEPT = 20;

    private final ChildProcess process;
    private final String host;
    private final int port;

    private RedisServer(ChildProcess process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /** Where redis-server is, or empty if it is not installed. */
    public static Optional<Path> installed() {
        return ChildProcess.find(PROGRAM);
    }

    /** The one message for a machine without Redis. */
    public static String notInstalled() {
        return "counter=redis needs Redis, and " + PROGRAM + " is not installed: " + INSTALL;
    }

    /** Starts redis-server on a free port of {@code host} and returns once it answers PING. */
    public static RedisServer start(String host) throws IOException {
        Path program = installed().orElseThrow(() -> new IOException(notInstalled()
                + " (or give the port of a Redis that runs with redisPort=)"));
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freePort(host);
            RecentLines output = new RecentLines(OUTPUT_LINES_KEPT);
            ChildProcess process = ChildProcess.start(List.of(program.toString(),
                    "--bind", host, "--port", Integer.toString(port),
                    "--save", "", "--appendonly", "no", // persistence off
                    "--daemonize", "no", "--loglevel", "warning", "--dir", System.getProperty("java.io.tmpdir")),
                    Path.of(System.getProperty("java.io.tmpdir")), output::add);
            try {
                awaitPong(process, host, port, output);
                return new RedisServer(process, host, port);
            } catch (IOException e) {
                process.close();
                last = e;
            }
        }
        throw last;
    }

    private static void awaitPong(ChildProcess process, String host, int port, RecentLines output) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(PROGRAM + " on port " + port + " exited at once: " + lastLines(output));
            }
            try (Jedis jedis = new Jedis(host, port, 1000)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                // not listening yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + PROGRAM + " started");
            }
        }
        throw new IOException(PROGRAM + " on port " + port + " did not answer PING within "
                + READY_TIMEOUT_MILLIS / 1000 + " s: " + lastLines(output));
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private static String lastLines(RecentLines output) {
        List<String> lines = output.list();
        return lines.isEmpty() ? "(no output)" : String.join(" | ", lines);
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** The redis-server process, for tests that check it is gone. */
    public long pid() {
        return process.pid();
    }

    /** Stops redis-server and returns once it is gone. */
    @Override
    public void close() {
        process.close();
    }
}
