package corelab.modes.http;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * What a mode asks of the HTTP transport it serves with, blocking ({@link BlockingServer}) or
 * event loop ({@link EventLoopServer}): its address, adopting a connection another process
 * accepted, draining, and closing.
 */
public interface Transport extends AutoCloseable {
    InetSocketAddress address();

    /** Serves a connection another process accepted (a cluster primary under {@code balance=rr}). */
    void adopt(SocketChannel connection);

    /** False once a drain or close began. */
    boolean accepting();

    /** Connections closed at once because {@code maxConnections} were open. */
    long refusedConnections();

    /** Stops accepting, lets the connections finish, returns once none is left or {@code grace} is over. */
    void disconnect(Duration grace);

    @Override
    void close();
}
