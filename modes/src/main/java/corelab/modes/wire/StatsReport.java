package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Worker to primary: the requests it has handled so far, {@code stats requests=1500}; sent
 * every {@code statsIntervalMillis} and in answer to a {@link StatsQuery}. The primary prints
 * it for the harness as the worker's {@link StatsLine}.
 */
public record StatsReport(long requests) implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile("stats requests=(\\d+)");

    public StatsReport {
        Lines.require(requests >= 0, "a count of requests is 0 or more, was " + requests);
    }

    public static Optional<StatsReport> parse(String text) {
        return Lines.parse(FORM, text, match -> new StatsReport(Long.parseLong(match.group(1))));
    }

    @Override
    public String format() {
        return "stats requests=" + requests;
    }
}
