package corelab.modes;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** One option: its name (the {@code -D} property), its default as text, and what it does. */
public record OptionSpec(String name, String defaultValue, String description) {

    /** The text of {@code -Dhelp=true}: every option with its default. */
    public static String help(Collection<OptionSpec> specs) {
        int width = specs.stream().mapToInt(s -> s.name().length() + s.defaultValue().length()).max().orElse(10) + 6;
        StringBuilder out = new StringBuilder();
        for (OptionSpec spec : specs) {
            String left = "  -D" + spec.name() + "=" + spec.defaultValue();
            out.append(left).append(" ".repeat(Math.max(2, width - left.length() + 2)))
                    .append(spec.description()).append('\n');
        }
        return out.toString();
    }

    /** Refuses any name that is not in {@code specs}, listing the valid ones. */
    public static void checkKnown(Map<String, String> given, Collection<OptionSpec> specs) {
        for (String name : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw new OptionException("unknown option '" + name + "'; valid options: "
                        + specs.stream().map(OptionSpec::name).collect(Collectors.joining(", ")));
            }
        }
    }

    public static boolean parseBoolean(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OptionException(name + " must be true or false, was '" + value + "'");
        };
    }

    public static int parseInt(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new OptionException(name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }
}
