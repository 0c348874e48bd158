package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Primary to worker, with {@code counter=primary}: the count after the
 * {@link CounterIncrement} with this request number, {@code counter-value 17 4242}.
 */
public record CounterValue(long requestNumber, long value) implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile("counter-value (\\d+) (\\d+)");

    public CounterValue {
        Lines.require(requestNumber >= 0, "a request number is 0 or more, was " + requestNumber);
        Lines.require(value >= 0, "a count is 0 or more, was " + value);
    }

    public static Optional<CounterValue> parse(String text) {
        return Lines.parse(FORM, text,
                match -> new CounterValue(Long.parseLong(match.group(1)), Long.parseLong(match.group(2))));
    }

    @Override
    public String format() {
        return "counter-value " + requestNumber + " " + value;
    }
}
