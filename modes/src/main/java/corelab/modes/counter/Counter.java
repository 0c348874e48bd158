package corelab.modes.counter;

import java.util.concurrent.CompletableFuture;

/**
 * The {@code counter} workload's count: {@link #increment()} adds one and completes with the
 * new value. It returns a future because two of the stores answer over a pipe or a socket,
 * and an event loop must not wait for them: the loop goes on serving other connections and
 * writes the answer when the future completes, as it does for the io backend.
 */
public interface Counter extends AutoCloseable {
    CompletableFuture<Long> increment();

    /** Releases the connections and threads the counter holds. */
    @Override
    default void close() {
    }
}
