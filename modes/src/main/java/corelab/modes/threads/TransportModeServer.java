package corelab.modes.threads;

import corelab.modes.http.Transport;
import corelab.modes.server.ModeServer;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** An in-process mode: everything but how it schedules work is its transport's. */
abstract class TransportModeServer implements ModeServer {
    /** The HTTP transport this mode serves with. */
    abstract Transport transport();

    @Override
    public InetSocketAddress address() {
        return transport().address();
    }

    @Override
    public void adopt(SocketChannel connection) {
        transport().adopt(connection);
    }

    @Override
    public boolean accepting() {
        return transport().accepting();
    }

    @Override
    public long refusedConnections() {
        return transport().refusedConnections();
    }

    @Override
    public void disconnect(Duration grace) {
        transport().disconnect(grace);
    }

    @Override
    public void close() {
        transport().close();
    }
}
