package corelab.modes.http;

/**
 * What the blocking server's watchers need to know about a connection whose thread they
 * cannot interrupt: since when it waits idle, and since when it is stuck in a write. A
 * blocking write has no timeout of its own; closing the channel from another thread is
 * the one way to end it.
 */
final class ConnectionTimes {
    /** Since when it waits idle for its next request; 0: inside one. */
    volatile long idleSinceNanos;
    /** Since when it is writing a response; 0: not writing. */
    volatile long writingSinceNanos;

    ConnectionTimes(long idleSinceNanos) {
        this.idleSinceNanos = idleSinceNanos;
    }
}
