package corelab.harness.load;

import corelab.workloads.CommandWord;

/**
 * How the load generator decides when to send. The two answer different questions, so
 * they are different named things, never a flag on one model.
 */
public enum LoadModel implements CommandWord {
    CLOSED("closed", "C keep-alive connections, each sends its next request as soon as the answer arrives:"
            + " the server's speed sets the rate (how much can it serve?)"),
    OPEN("open", "a fixed arrival rate over C connections, wrk2-style: latency counts from when each request was due"
            + " (how slow is it at this rate?)");

    private final String word;
    private final String description;

    LoadModel(String word, String description) {
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

    public static LoadModel fromWord(String word) {
        return CommandWord.fromWord(LoadModel.class, "load model", word);
    }

    public static String words() {
        return CommandWord.words(LoadModel.class);
    }
}
