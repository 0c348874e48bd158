package corelab.modes.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options written as arguments, {@code mode=cluster} or {@code -Dmode=cluster}: how a server
 * JVM is started and how a notebook's cell names a run. In order; a name given twice is refused.
 */
public final class Arguments {
    private Arguments() {
    }

    public static Map<String, String> parse(List<String> args) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String arg : args) {
            String text = arg.strip();
            text = text.startsWith("-D") ? text.substring(2) : text;
            int equals = text.indexOf('=');
            if (equals < 1) {
                throw new OptionException("an option looks like -Dmode=cluster (or mode=cluster), was '" + arg + "'");
            }
            String name = text.substring(0, equals);
            if (parsed.put(name, text.substring(equals + 1)) != null) {
                throw new OptionException(name + " is given twice: give it once (where a list is swept, -D" + name
                        + "=a,b)");
            }
        }
        return parsed;
    }

    /** {@code name=value}, one argument each, in order: what {@link #parse} reads back. */
    public static List<String> of(Map<String, String> options) {
        return options.entrySet().stream().map(option -> option.getKey() + "=" + option.getValue()).toList();
    }
}
