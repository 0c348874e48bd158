package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * How a cluster spreads incoming connections over its workers ({@code -Dbalance=}). Only the
 * {@code cluster} mode reads it: the in-process modes have one listener and ignore it.
 */
public enum Balance implements CommandWord {
    KERNEL("kernel", "every worker listens on the port with SO_REUSEPORT; the kernel picks one per connection"),
    PROXY("proxy", "the primary accepts and forwards each connection round-robin to workers on their own ports"),
    NGINX("nginx", "a Debian nginx, started by the primary, proxies to workers on ports of their own");

    private final String word;
    private final String description;

    Balance(String word, String description) {
        this.word = word;
        this.description = description;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
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
