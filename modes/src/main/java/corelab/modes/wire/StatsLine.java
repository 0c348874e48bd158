package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server's counts so far, printed every {@code statsIntervalMillis}:
 * {@code corelab-stats pid=4242 worker=0 requests=1500 refused=3}. How the harness learns
 * what each process served, and how many connections it closed at once because
 * {@code maxConnections} were open. {@code workerId} is 0 for a process that is not a
 * cluster worker; a worker sends its counts to its primary as a {@link StatsReport} instead,
 * and the primary prints this line for it as a {@link ForwardedLine}.
 */
public record StatsLine(long pid, int workerId, long requests, long refusedConnections) {
    private static final Pattern FORM = Pattern.compile(
            "corelab-stats pid=(\\d+) worker=(\\d+) requests=(\\d+) refused=(\\d+)");

    public StatsLine {
        Lines.require(pid > 0, "a pid is positive, was " + pid);
        Lines.require(workerId >= 0, "a worker id is 0 (no worker) or more, was " + workerId);
        Lines.require(requests >= 0, "a count of requests is 0 or more, was " + requests);
        Lines.require(refusedConnections >= 0, "a count of refused connections is 0 or more, was " + refusedConnections);
    }

    public static Optional<StatsLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new StatsLine(Long.parseLong(match.group(1)),
                Integer.parseInt(match.group(2)), Long.parseLong(match.group(3)), Long.parseLong(match.group(4))));
    }

    public String format() {
        return "corelab-stats pid=" + pid + " worker=" + workerId + " requests=" + requests
                + " refused=" + refusedConnections;
    }
}
