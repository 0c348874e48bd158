package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * How a cluster spreads incoming connections over its workers ({@code -Dbalance=}). Only the
 * {@code cluster} mode reads it: the in-process modes have one listener and ignore it.
 */
public enum Balance implements CommandWord {
    KERNEL("kernel", "SO_REUSEPORT, as nginx's reuseport and Envoy: every worker has its own accept queue on the"
            + " port, and the kernel picks one per connection by a hash of its addresses"),
    SHARED("shared", "Node.js's SCHED_NONE: the primary hands one listening socket to every worker, and whichever"
            + " worker the kernel wakes accepts the connection"),
    RR("rr", "Node.js's default (SCHED_RR): the primary accepts each connection and hands the socket to the next"
            + " free worker (SCM_RIGHTS), then leaves the data path"),
    PROXY("proxy", "an L4 proxy, as HAProxy in TCP mode: the primary accepts each connection, opens one to the next"
            + " worker in turn and copies every byte both ways"),
    NGINX("nginx", "an L7 proxy: a Debian nginx, started by the primary, parses each request and passes it to a"
            + " worker on a port of its own");

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
     * each worker process takes whatever free port its kernel gives it; with {@code rr} and
     * {@code shared} the primary holds the port and hands sockets to the workers.
     */
    public boolean workersReusePort() {
        return this == KERNEL || this == NGINX;
    }

    /** True when the primary hands sockets to its workers ({@code corelab.modes.handoff}). */
    public boolean handsOffSockets() {
        return this == RR || this == SHARED;
    }

    public static Balance fromWord(String word) {
        return CommandWord.fromWord(Balance.class, "balance", word);
    }

    public static String words() {
        return CommandWord.words(Balance.class);
    }
}
