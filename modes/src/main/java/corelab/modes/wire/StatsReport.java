package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Worker to primary: the requests it has handled so far and the connections it refused
 * ({@code maxConnections} were open), {@code stats requests=1500 refused=3}; sent every
 * {@code statsIntervalMillis} and in answer to a {@link StatsQuery}. The primary prints it
 * for the harness as the worker's {@link StatsLine}.
 */
public record StatsReport(long requests, long refusedConnections) implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile("stats requests=(\\d+) refused=(\\d+)");

    public StatsReport {
        Lines.require(requests >= 0, "a count of requests is 0 or more, was " + requests);
        Lines.require(refusedConnections >= 0, "a count of refused connections is 0 or more, was " + refusedConnections);
    }

    public static Optional<StatsReport> parse(String text) {
        return Lines.parse(FORM, text,
                match -> new StatsReport(Long.parseLong(match.group(1)), Long.parseLong(match.group(2))));
    }

    @Override
    public String format() {
        return "stats requests=" + requests + " refused=" + refusedConnections;
    }
}
