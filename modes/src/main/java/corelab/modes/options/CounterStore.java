package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * Where the {@code counter} workload's count lives ({@code -Dcounter=}). Threads of one
 * process can share a variable; processes cannot, so in a cluster the choice decides
 * whether the count is right at all, and what being right costs.
 */
public enum CounterStore implements CommandWord {
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
    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }

    public static CounterStore fromWord(String word) {
        return CommandWord.fromWord(CounterStore.class, "counter store", word);
    }

    public static String words() {
        return CommandWord.words(CounterStore.class);
    }
}
