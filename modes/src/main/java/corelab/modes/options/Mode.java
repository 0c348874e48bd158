package corelab.modes.options;

import corelab.workloads.CommandWord;
import java.util.Arrays;
import java.util.List;

/** How a server spreads its work over threads, processes and cores. */
public enum Mode implements CommandWord {
    SINGLE("single", "one thread runs a non-blocking event loop; every handler runs on it", "Node.js by default"),
    PLATFORM("platform", "thread-per-connection: a fixed pool of platform threads (-Dthreads), each holding one"
            + " connection for its whole life, blocking I/O; a connection beyond the pool is closed at once",
            "Tomcat's old BIO connector, Jetty's blocking connector"),
    VIRTUAL("virtual", "thread-per-connection on virtual threads: one per connection, blocking I/O",
            "Java 21 virtual threads"),
    OFFLOAD("offload", "an event loop does the I/O and hands CPU work to a pool of worker threads", "Node.js worker_threads"),
    CLUSTER("cluster", "a primary JVM forks worker JVMs that all serve one port (-Dbalance= says how)", "Node.js cluster, pm2 -i max"),
    /** Not in the default run ({@code -Dmode=all}): that keeps the five above, within its time budget. */
    POLLER("poller", "thread-per-request: a poller thread holds the open connections; one with a request to read"
            + " goes to a fixed pool of platform threads (-Dthreads) for that request, then back",
            "Tomcat's NIO connector, its default (maxThreads)"),
    NODE("node", "the seeds' Node.js program (servers/node) in one process, no cluster", "Node.js itself"),
    NODE_CLUSTER("node-cluster", "the seeds' Node.js cluster program: a primary forks worker processes that share one"
            + " port (NODE_CLUSTER_SCHED_POLICY, rr or none, says how)", "Node.js cluster itself"),
    NODE_PM2("node-pm2", "the same Node.js program under PM2: pm2-runtime start server.js -i max (PM2's primary forks"
            + " the workers)", "PM2 itself");

    private final String word;
    private final String description;
    private final String standsFor;

    /** The words are {@link Vocabulary}'s: the README's table, {@code -Dhelp=true}, the report and the labs read them here. */
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

    /** What it stands for outside corelab. */
    public String standsFor() {
        return standsFor;
    }

    /**
     * What {@code -Dmode=all} measures: corelab's own modes in Java, but not {@code poller}, one
     * option away ({@code -Dmode=poller}).
     */
    public static List<Mode> defaultRun() {
        return Arrays.stream(values()).filter(mode -> mode != POLLER && !mode.isNode()).toList();
    }

    /** True for the modes whose request runs on a thread of its own, which may block (on Redis, say). */
    public boolean requestHasItsThread() {
        return this == PLATFORM || this == VIRTUAL || this == POLLER;
    }

    /** True for corelab's modes that run in one process; a cluster worker runs one of these. */
    public boolean inProcess() {
        return this != CLUSTER && !isNode();
    }

    /** True for the Node.js program's modes: the harness starts them, and no JVM serves them. */
    public boolean isNode() {
        return this == NODE || this == NODE_CLUSTER || this == NODE_PM2;
    }


    public static Mode fromWord(String word) {
        return CommandWord.fromWord(Mode.class, "mode", word);
    }

    public static String words() {
        return CommandWord.words(Mode.class);
    }
}
