package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * How a cluster spreads incoming connections over its workers ({@code -Dbalance=}). Only the
 * {@code cluster} mode reads it: the in-process modes have one listener and ignore it.
 */
public enum Balance implements CommandWord {
    KERNEL("kernel", "every worker listens on the port with SO_REUSEPORT; the kernel picks one per connection",
            "Node.js cluster with SCHED_NONE: the operating system decides"),
    PROXY("proxy", "the primary accepts and forwards each connection round-robin to workers on their own ports",
            "Node.js cluster's default round-robin scheduling"),
    NGINX("nginx", "a Debian nginx, started by the primary, proxies to workers on ports of their own",
            "production: nginx in front of a pool of Node.js processes");

    private final String word;
    private final String description;
    private final String standsFor;

    /** The words are {@link Vocabulary}'s: the README's table, {@code -Dhelp=true} and the labs read them here. */
    Balance(String word, String description, String standsFor) {
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

    /** What it stands for outside corelab. */
    public String standsFor() {
        return standsFor;
    }

    /**
     * True when a worker listens with SO_REUSEPORT: with {@code kernel} every worker shares
     * the cluster's port; with {@code nginx} each worker id keeps a loopback port of its own,
     * which a reloaded worker shares with its replacement for a moment. With {@code proxy}
     * each worker process takes whatever free port its kernel gives it.
     */
    public boolean workersReusePort() {
        return this != PROXY;
    }

    public static Balance fromWord(String word) {
        return CommandWord.fromWord(Balance.class, "balance", word);
    }

    public static String words() {
        return CommandWord.words(Balance.class);
    }
}
