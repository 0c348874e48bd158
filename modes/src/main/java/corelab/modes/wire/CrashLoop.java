package corelab.modes.wire;

import java.util.Optional;

/**
 * The {@code crash-loop} fault, on a channel: to a cluster primary, "from now on every worker
 * you start fails at start" (it starts them with {@code failAtStart=true}), which it passes on
 * to its workers as "crash now". Together they reproduce a worker configuration that became
 * unreadable while the cluster ran: the workers crash, and so does each replacement, until the
 * primary's restart policy gives up. {@code crash-loop}.
 */
public record CrashLoop() implements ChannelMessage {
    private static final String TEXT = "crash-loop";

    public static Optional<CrashLoop> parse(String text) {
        return text.equals(TEXT) ? Optional.of(new CrashLoop()) : Optional.empty();
    }

    @Override
    public String format() {
        return TEXT;
    }
}
