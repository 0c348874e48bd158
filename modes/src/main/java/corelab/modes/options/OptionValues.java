package corelab.modes.options;

import java.util.HashMap;
import java.util.Map;

/**
 * Options as given, read through their declarations: {@link #get} is the value given, typed
 * and checked, or the option's default. Text comes in only from a command line or another
 * JVM's arguments; {@link #with} sets a typed value, checked against the same range.
 */
public final class OptionValues {
    private final Map<String, String> given;
    private final Map<String, Object> typed;

    private OptionValues(Map<String, String> given, Map<String, Object> typed) {
        this.given = given;
        this.typed = typed;
    }

    /** Text values by option name, as a command line gives them (see {@link OptionSet#read}). */
    static OptionValues of(Map<String, String> given) {
        return new OptionValues(Map.copyOf(given), Map.of());
    }

    /** No value given: every option has its default until {@link #with} sets it. */
    public static OptionValues none() {
        return new OptionValues(Map.of(), Map.of());
    }

    /** A copy with {@code option} set to {@code value}, which must lie in its range. */
    public <T> OptionValues with(Option<T> option, T value) {
        Map<String, Object> more = new HashMap<>(typed);
        more.put(option.name(), option.check(value));
        return new OptionValues(given, more);
    }

    /** The value of {@code option}: set, given (then parsed, or an {@link OptionException}), or its default. */
    @SuppressWarnings("unchecked") // only with() puts a value under an option's name, and it is that option's type
    public <T> T get(Option<T> option) {
        if (typed.containsKey(option.name())) {
            return (T) typed.get(option.name());
        }
        String text = given.get(option.name());
        return text == null ? option.defaultValue() : option.parse(text);
    }

    /** Whether the command line named {@code option}, whatever its value. */
    public boolean isGiven(Option<?> option) {
        return given.containsKey(option.name()) || typed.containsKey(option.name());
    }
}
