package corelab.lab;

import corelab.results.ConfigurationResult;
import java.util.List;
import java.util.Set;

/**
 * A configuration named the way a lab names it: by the words of its id between the slashes
 * ({@code "single io"} picks {@code single/io/closed/c64}), so that a guess or a rate can point at one
 * configuration of a run without its whole id.
 */
final class ConfigurationWords {
    private ConfigurationWords() {
    }

    /** The configurations whose ids have every one of {@code words}. */
    static List<ConfigurationResult> matching(String words, List<ConfigurationResult> configurations) {
        Set<String> wanted = Set.of(words.strip().split("\\s+"));
        return configurations.stream().filter(c -> Set.of(c.configuration().id().split("/")).containsAll(wanted))
                .toList();
    }

    /** Why {@code matching} did not give exactly one: the ids to choose from, in words a student can act on. */
    static String notOne(List<ConfigurationResult> matching, List<ConfigurationResult> all) {
        return (matching.isEmpty() ? "no configuration of this run has all of these words; its ids are "
                : "the words fit " + matching.size() + " configurations; add one (c64, threads16, ...) to pick one of ")
                + String.join(", ", (matching.isEmpty() ? all : matching).stream().map(c -> c.configuration().id())
                .toList());
    }

    /**
     * The one configuration {@code words} name.
     *
     * @throws IllegalArgumentException none or several fit, with the ids to choose from
     */
    static ConfigurationResult one(String words, List<ConfigurationResult> configurations) {
        List<ConfigurationResult> matching = matching(words, configurations);
        if (matching.size() != 1) {
            throw new IllegalArgumentException("'" + words + "': " + notOne(matching, configurations));
        }
        return matching.get(0);
    }
}
