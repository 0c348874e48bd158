package corelab.modes.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The options one front end takes, in the order {@code -Dhelp=true} lists them: a server's,
 * a measured run's, the lab's. It refuses unknown names (suggesting the nearest valid one),
 * reads given text into typed values, and writes the help, all from the declarations.
 */
public record OptionSet(List<Option<?>> options) {
    public OptionSet {
        options = List.copyOf(options);
        if (options.stream().map(Option::name).distinct().count() != options.size()) {
            throw new IllegalArgumentException("an option is declared twice in " + names());
        }
    }

    public static OptionSet of(Option<?>... options) {
        return new OptionSet(List.of(options));
    }

    /** These options, then {@code more}'s. */
    public OptionSet and(OptionSet more) {
        List<Option<?>> all = new ArrayList<>(options);
        all.addAll(more.options);
        return new OptionSet(all);
    }

    public boolean contains(String name) {
        return named(name).isPresent();
    }

    public Optional<Option<?>> named(String name) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return options.stream().map(Option::name).toList();
    }

    /** Checks that every given name is one of these options, and returns the values to read. */
    public OptionValues read(Map<String, String> given) {
        checkKnown(given.keySet());
        return OptionValues.of(given);
    }

    /**
     * Refuses any name that is not one of these options, listing the valid ones and, if a
     * valid name is close (a typo), suggesting it: {@code did you mean -DtrialSeconds?}.
     */
    public void checkKnown(Collection<String> given) {
        for (String name : given) {
            if (!contains(name)) {
                String suggestion = NearestName.of(name, names()).map(near -> "; did you mean -D" + near + "?").orElse("");
                throw new OptionException("unknown option '" + name + "'; valid options: "
                        + String.join(", ", names()) + suggestion);
            }
        }
    }

    /** Every option's value as given, or its default's text: what a run records it was asked to do. */
    public Map<String, String> resolvedText(Map<String, String> given) {
        Map<String, String> resolved = new LinkedHashMap<>();
        options.forEach(option -> resolved.put(option.name(), given.getOrDefault(option.name(), option.defaultText())));
        return resolved;
    }

    /** The text of {@code -Dhelp=true}: every option with its default and what it does. */
    public String help() {
        int width = options.stream().mapToInt(o -> o.name().length() + o.defaultText().length()).max().orElse(10) + 6;
        return options.stream().map(option -> {
            String left = "  -D" + option.name() + "=" + option.defaultText();
            return left + " ".repeat(Math.max(2, width - left.length() + 2)) + option.help() + "\n";
        }).collect(Collectors.joining());
    }
}
