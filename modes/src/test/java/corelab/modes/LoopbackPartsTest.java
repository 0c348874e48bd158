package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.counter.RedisServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dhost=0.0.0.0} exposes the server and nothing else: the io backend and redis-server,
 * which ask nobody who calls, listen on loopback. Read from Linux's socket tables: every listening
 * socket of this JVM and of what it started, but the server's own, is bound to 127.0.0.1.
 */
@Tag("slow")
class LoopbackPartsTest {
    /** A listening TCP socket: its local address as Linux prints it (hex) and its port. */
    private record Listener(String hexAddress, int port) {
        boolean loopback() {
            // 127.0.0.1, ::1, and 127.0.0.1 mapped into IPv6 (a JVM's sockets are dual-stack)
            return hexAddress.equals("0100007F") || hexAddress.equals("00000000000000000000000001000000")
                    || hexAddress.equals("0000000000000000FFFF00000100007F");
        }
    }

    @Test
    void aServerOnEveryAddressKeepsItsBackendAndRedisOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        boolean redis = RedisServer.installed().isPresent();
        Map<String, String> options = redis
                ? Map.of("mode", "single", "host", "0.0.0.0", "port", "0", "counter", "redis")
                : Map.of("mode", "single", "host", "0.0.0.0", "port", "0");
        try (RunningServer server = RunningServer.start(ServerOptions.parse(options), 0, System.out)) {
            assertEquals(200, Http.get(server.address(), "/io?token=7&delayMillis=1").status(),
                    "the backend answers on loopback");
            List<Listener> listeners = listeners();
            List<Listener> parts = listeners.stream().filter(l -> l.port() != server.address().getPort()).toList();
            assertTrue(parts.size() >= (redis ? 2 : 1), "the backend" + (redis ? " and redis" : "") + ": " + listeners);
            for (Listener part : parts) {
                assertTrue(part.loopback(), "listens beyond loopback: " + part + " of " + listeners);
            }
            assertTrue(listeners.stream().anyMatch(l -> l.port() == server.address().getPort() && !l.loopback()),
                    "the server itself listens on every address: " + listeners);
        }
    }

    /** The listening sockets of this JVM and of its descendants (redis-server). */
    private static List<Listener> listeners() throws IOException {
        Set<String> inodes = new HashSet<>();
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                fds.forEach(fd -> {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            inodes.add(link.substring("socket:[".length(), link.length() - 1));
                        }
                    } catch (IOException gone) {
                        // closed while listed
                    }
                });
            } catch (IOException gone) {
                // the process ended while listed
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                // fields: sl local_address rem_address st ... inode (the tenth)
                if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }
}
