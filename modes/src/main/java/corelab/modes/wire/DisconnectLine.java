package corelab.modes.wire;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A primary's request to a worker, on the worker's standard input, to stop accepting,
 * finish its requests within the grace period and exit ({@code worker.disconnect()} in
 * Node.js): {@code corelab-disconnect 10000}.
 */
public record DisconnectLine(long graceMillis) {
    private static final Pattern FORM = Pattern.compile("corelab-disconnect (\\d+)");

    public DisconnectLine {
        Lines.require(graceMillis >= 0, "a grace period is 0 ms or more, was " + graceMillis);
    }

    public DisconnectLine(Duration grace) {
        this(grace.toMillis());
    }

    public static Optional<DisconnectLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new DisconnectLine(Long.parseLong(match.group(1))));
    }

    public Duration grace() {
        return Duration.ofMillis(graceMillis);
    }

    public String format() {
        return "corelab-disconnect " + graceMillis;
    }
}
