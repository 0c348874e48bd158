package corelab.harness.load;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the load generator decides when to send. The two answer different questions, so
 * they are different named things, never a flag on one model.
 */
public enum LoadModel {
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
    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    public static LoadModel fromWord(String word) {
        for (LoadModel model : values()) {
            if (model.word.equals(word)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown load model '" + word + "'; valid load models: " + words());
    }

    public static String words() {
        return Arrays.stream(values()).map(LoadModel::word).collect(Collectors.joining(", "));
    }
}
