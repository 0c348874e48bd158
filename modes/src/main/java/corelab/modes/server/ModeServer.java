package corelab.modes.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A running server of some mode: where it listens, and how to stop it. */
public interface ModeServer extends AutoCloseable {
    InetSocketAddress address();

    /**
     * Stops gracefully: stops accepting, answers the requests in flight (each with
     * {@code Connection: close}), closes idle connections, and returns once none is left or
     * {@code grace} has passed. Call {@link #close()} after it.
     */
    default void disconnect(Duration grace) {
        close();
    }

    /**
     * Connections closed at once because {@code maxConnections} were open (see
     * {@link corelab.modes.options.ServerOptions#MAX_CONNECTIONS}); 0 where this process
     * does not serve connections itself (a cluster's workers count their own).
     */
    default long refusedConnections() {
        return 0;
    }

    /** Completes, with the reason, if the server stopped by itself (a cluster whose workers crash in a loop). */
    default CompletableFuture<String> failure() {
        return new CompletableFuture<>();
    }

    /** Stops accepting, closes every connection and releases every thread and process it started. */
    @Override
    void close();
}
