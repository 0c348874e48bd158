package corelab.modes.wire;

import java.util.Optional;

/**
 * To a cluster primary, on its standard input: replace every worker, one at a time
 * ({@code pm2 reload}; Java has no portable SIGHUP). {@code reload}.
 */
public record Reload() implements ChannelMessage {
    private static final String TEXT = "reload";

    public static Optional<Reload> parse(String text) {
        return text.equals(TEXT) ? Optional.of(new Reload()) : Optional.empty();
    }

    @Override
    public String format() {
        return TEXT;
    }
}
