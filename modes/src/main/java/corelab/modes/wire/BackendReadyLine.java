package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one line the io backend's own process prints once it accepts connections:
 * {@code corelab-backend-ready pid=4242 address=127.0.0.1:39001}. Whoever started it passes
 * the port on to the server it runs ({@code backendPort}); the address is always loopback,
 * because the backend asks nobody who calls.
 */
public record BackendReadyLine(long pid, int port) {
    public static final String HOST = "127.0.0.1";
    private static final Pattern FORM = Pattern.compile("corelab-backend-ready pid=(\\d+) address=127\\.0\\.0\\.1:(\\d+)");

    public BackendReadyLine {
        Lines.require(pid > 0, "a pid is positive, was " + pid);
        Lines.require(port > 0 && port <= 65535, "a port is 1 to 65535, was " + port);
    }

    public static Optional<BackendReadyLine> parse(String line) {
        return Lines.parse(FORM, line,
                match -> new BackendReadyLine(Long.parseLong(match.group(1)), Integer.parseInt(match.group(2))));
    }

    public String format() {
        return "corelab-backend-ready pid=" + pid + " address=" + HOST + ":" + port;
    }
}
