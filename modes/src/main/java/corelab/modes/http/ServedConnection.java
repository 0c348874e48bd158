package corelab.modes.http;

import java.nio.channels.SelectionKey;

/**
 * A connection an {@link EventLoopServer} holds on its loop: the loop serves it all
 * ({@link LoopConnection}), or only waits for it to become readable and hands it to a
 * thread for one request ({@link PolledConnection}). The server accepts, caps, times out
 * and drains both the same way.
 */
interface ServedConnection extends EventLoop.Ready {
    /** Loop thread, once, right after the channel is registered for reading. */
    void attach(SelectionKey key);

    /** Loop thread, on each tick: closes the connection if it is past one of its deadlines. */
    void closeIfOverdue(long nowNanos, long idleNanos);
}
