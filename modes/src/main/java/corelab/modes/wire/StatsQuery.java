package corelab.modes.wire;

import java.util.Optional;

/** Primary to worker: how many requests have you handled? {@code stats}; the answer is a {@link StatsReport}. */
public record StatsQuery() implements ChannelMessage {
    private static final String TEXT = "stats";

    public static Optional<StatsQuery> parse(String text) {
        return text.equals(TEXT) ? Optional.of(new StatsQuery()) : Optional.empty();
    }

    @Override
    public String format() {
        return TEXT;
    }
}
