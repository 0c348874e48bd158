package corelab.modes.http;

/**
 * What an event loop does when an {@link Error} (OutOfMemoryError, StackOverflowError, ...)
 * escapes it. The loop thread is then gone, and with it every connection it served: a
 * process left running would accept nothing and answer no one, yet look alive to its
 * supervisor. So by default the process halts, loudly, and its supervisor (or a cluster's
 * primary) starts a fresh one. Tests that run a server inside their own JVM pass another.
 */
@FunctionalInterface
public interface Halt {
    /** The exit status of a halted process; 71 (BSD sysexits EX_OSERR), apart from /crash/exit's 70. */
    int EXIT_STATUS = 71;

    /** Halts the process with {@link #EXIT_STATUS}, after saying why on stderr. */
    Halt PROCESS = (message, error) -> {
        try {
            System.err.println(message);
            error.printStackTrace();
        } catch (Throwable ignored) {
            // out of memory even for the message: halt anyway
        } finally {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    };

    void halt(String message, Error error);
}
