package corelab.harness.plan;

import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerOptions;
import corelab.workloads.CommandWord;
import java.util.Locale;

/**
 * A fault fired once into a measured run, {@code kill-worker@10s}: what is killed (with
 * SIGKILL, which no process can catch or clean up after) or stopped (with SIGTERM, which it
 * handles by draining), what an operator does to the cluster ({@code reload}), or a crash
 * loop, and when, in seconds after the measured window starts.
 */
public record Fault(Kind kind, double atSeconds) {
    /** The closed set of faults, each with its word in {@code -Dfault=}. */
    public enum Kind implements CommandWord {
        /** One cluster worker: the one with the lowest id, so a run is repeatable. */
        KILL_WORKER("kill-worker", "SIGKILL one cluster worker (the lowest id); the primary replaces it"),
        /**
         * The server's root process: an in-process mode's only JVM, or a cluster's primary
         * (its workers follow it through their lifeline). The harness then restarts the server
         * on the same port at once, as a supervisor with {@code Restart=always} would.
         */
        KILL_SERVER("kill-server", "SIGKILL the server process (a cluster's primary); the harness restarts it"),
        /**
         * Not a failure but an operator's act: the cluster's rolling reload, each worker replaced by a new one
         * that listens before the old one leaves (as {@code pm2 reload} promises), while the load runs.
         */
        RELOAD("reload", "replace every cluster worker, one at a time, under load (the cluster's rolling reload)"),
        /**
         * kill-worker's graceful counterpart: SIGTERM, so the worker drains (stops accepting, answers
         * what it serves with {@code Connection: close}) before it exits; its primary restarts it as
         * after a crash, with the same restart delay. corelab's cluster only: the seeds' Node.js
         * workers do not drain on SIGTERM.
         */
        STOP_WORKER("stop-worker", "SIGTERM one cluster worker (the lowest id): it drains and exits; the primary"
                + " replaces it"),
        /** kill-server's graceful counterpart: SIGTERM to the root, which drains, exits, and is restarted. */
        STOP_SERVER("stop-server", "SIGTERM the server process (a cluster's primary drains its workers); the harness"
                + " restarts it once it exited"),
        /**
         * A cluster whose workers' configuration became unreadable while it ran: every worker
         * crashes, and every one the primary starts from then on exits at start ({@code failAtStart},
         * exit 78), so the primary backs off, gives up, and exits with code 3. The harness, as a
         * supervisor would after too many failures, does not restart it; the rest of the window
         * counts what that costs.
         */
        CRASH_LOOP("crash-loop", "every cluster worker crashes and every replacement fails at start, until the"
                + " primary gives up (exit 3); not restarted");

        private final String word;
        private final String description;

        Kind(String word, String description) {
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

        /** A kill or a stop of the server's root process, which the harness restarts. */
        public boolean onWholeServer() {
            return this == KILL_SERVER || this == STOP_SERVER;
        }

        /** A kill or a stop of one cluster worker, which its primary replaces. */
        public boolean onOneWorker() {
            return this == KILL_WORKER || this == STOP_WORKER;
        }

        static Kind fromWord(String word) {
            try {
                return CommandWord.fromWord(Kind.class, "kind", word);
            } catch (IllegalArgumentException e) {
                throw new OptionException("fault: " + e.getMessage());
            }
        }

        static String words() {
            return CommandWord.words(Kind.class);
        }
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind");
        }
        if (!(atSeconds > 0) || Double.isInfinite(atSeconds)) {
            throw new IllegalArgumentException("a fault fires after the window starts, was at " + atSeconds + " s");
        }
    }

    /** {@code kill-worker@10s}, {@code kill-server@2.5s} or {@code kill-server@500ms}. */
    static Fault parse(String text) {
        String syntax = "fault must look like kill-worker@10s or kill-server@500ms (" + Kind.words()
                + "), was '" + text + "'";
        int at = text.indexOf('@');
        if (at < 0) {
            throw new OptionException(syntax);
        }
        Kind kind = Kind.fromWord(text.substring(0, at).strip());
        String time = text.substring(at + 1).strip();
        double scale = time.endsWith("ms") ? 1e-3 : time.endsWith("s") ? 1 : Double.NaN;
        if (Double.isNaN(scale)) {
            throw new OptionException(syntax);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(time.substring(0, time.length() - (scale == 1 ? 1 : 2))) * scale;
        } catch (NumberFormatException e) {
            throw new OptionException(syntax);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new OptionException("fault: the time after '@' must be above 0, was '" + text + "'");
        }
        return new Fault(kind, seconds);
    }

    /** Whether this fault can be fired at {@code mode}: a worker to kill exists only where the mode has workers. */
    boolean appliesTo(Mode mode) {
        if (kind.onWholeServer()) {
            // The supervisor restarts corelab's JVMs; a Node.js program's root is its lifeline wrapper.
            return !mode.isNode();
        }
        if (kind == Kind.RELOAD || kind == Kind.STOP_WORKER || kind == Kind.CRASH_LOOP) {
            return mode == Mode.CLUSTER; // the reload message is corelab's primary's; pm2's has its own test
        }
        return ServerOptions.WORKERS.appliesTo(mode);
    }

    /** The option's own form, for ids and sentences: {@code kill-worker@10s}, {@code kill-server@2.5s}. */
    public String word() {
        String seconds = atSeconds == Math.rint(atSeconds) ? Long.toString((long) atSeconds)
                : String.format(Locale.ROOT, "%s", atSeconds);
        return kind.word() + "@" + seconds + "s";
    }
}
