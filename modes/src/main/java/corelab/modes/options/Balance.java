package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * How a cluster spreads incoming connections over its workers ({@code -Dbalance=}). Only the
 * {@code cluster} mode reads it: the in-process modes have one listener and ignore it.
 */
public enum Balance implements CommandWord {
    KERNEL("kernel", "every worker listens on the port with SO_REUSEPORT: each has its own accept queue, and the"
            + " kernel picks one per connection by a hash of its addresses",
            "nginx's reuseport, Envoy's enable_reuse_port"),
    SHARED("shared", "the primary hands one listening socket to every worker once, and whichever worker the"
            + " kernel wakes accepts the connection",
            "Node.js cluster with SCHED_NONE; pre-fork servers"),
    RR("rr", "the primary accepts each connection and hands its socket to the next free worker (SCM_RIGHTS),"
            + " then leaves the data path",
            "Node.js cluster's default round-robin (SCHED_RR)"),
    PROXY("proxy", "the primary accepts each connection, opens one to the next worker in turn and copies every"
            + " byte both ways",
            "an L4 proxy: HAProxy in TCP mode"),
    NGINX("nginx", "a Debian nginx, started by the primary, parses each request and passes it to a worker on a"
            + " port of its own",
            "an L7 proxy: nginx in front of a pool of processes");

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
