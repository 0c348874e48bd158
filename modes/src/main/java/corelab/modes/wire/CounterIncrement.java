package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Worker to primary, with {@code counter=primary}: add one to the cluster's count and tell me
 * the new value, {@code counter-increment 17}. The number tells the answers apart, since
 * answers to different connections may come back in any order; the answer is a {@link CounterValue}.
 */
public record CounterIncrement(long requestNumber) implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile("counter-increment (\\d+)");

    public CounterIncrement {
        Lines.require(requestNumber >= 0, "a request number is 0 or more, was " + requestNumber);
    }

    public static Optional<CounterIncrement> parse(String text) {
        return Lines.parse(FORM, text, match -> new CounterIncrement(Long.parseLong(match.group(1))));
    }

    @Override
    public String format() {
        return "counter-increment " + requestNumber;
    }
}
