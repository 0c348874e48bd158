package corelab.modes.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
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
     * Serves a connection another process accepted (a cluster primary under
     * {@code -Dbalance=rr}) as one it accepted itself; a mode that cannot closes it.
     */
    default void adopt(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** False once it stopped taking connections (it is disconnecting or closed), or if it cannot {@link #adopt}. */
    default boolean accepting() {
        return false;
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
