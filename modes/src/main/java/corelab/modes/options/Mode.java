package corelab.modes.options;

import corelab.workloads.CommandWord;

/** How a server spreads its work over threads, processes and cores. */
public enum Mode implements CommandWord {
    SINGLE("single", "one thread runs a non-blocking event loop; every handler runs on it", "Node.js by default"),
    PLATFORM("platform", "a fixed pool of platform threads, one connection per thread, blocking I/O", "classic Java servers"),
    VIRTUAL("virtual", "one virtual thread per connection, blocking I/O", "Java 21 virtual threads"),
    OFFLOAD("offload", "an event loop does the I/O and hands CPU work to a pool of worker threads", "Node.js worker_threads"),
    CLUSTER("cluster", "a primary JVM forks worker JVMs that all serve one port (-Dbalance= says how)", "Node.js cluster, pm2 -i max");

    private final String word;
    private final String description;
    private final String standsFor;

    Mode(String word, String description, String standsFor) {
        this.word = word;
        this.description = description;
        this.standsFor = standsFor;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }

    public String standsFor() {
        return standsFor;
    }

    /** True for the modes that run in one process; a cluster worker runs one of these. */
    public boolean inProcess() {
        return this != CLUSTER;
    }

    public static Mode fromWord(String word) {
        return CommandWord.fromWord(Mode.class, "mode", word);
    }

    public static String words() {
        return CommandWord.words(Mode.class);
    }
}
