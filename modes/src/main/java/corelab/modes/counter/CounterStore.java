package corelab.modes.counter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the {@code counter} workload's count lives ({@code -Dcounter=}). Threads of one
 * process can share a variable; processes cannot, so in a cluster the choice decides
 * whether the count is right at all, and what being right costs.
 */
public enum CounterStore {
    LOCAL("local", "one count per process: threads share it, a cluster's workers each keep their own and diverge"),
    PRIMARY("primary", "a cluster's primary keeps the one count; workers ask it by message (cluster only)"),
    REDIS("redis", "INCR on a key in Redis, which every process asks over a socket");

    private final String word;
    private final String description;

    CounterStore(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** The word used on the command line. */
    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    public static CounterStore fromWord(String word) {
        for (CounterStore store : values()) {
            if (store.word.equals(word)) {
                return store;
            }
        }
        throw new IllegalArgumentException("unknown counter store '" + word + "'; valid: " + words());
    }

    public static String words() {
        return Arrays.stream(values()).map(CounterStore::word).collect(Collectors.joining(", "));
    }
}
