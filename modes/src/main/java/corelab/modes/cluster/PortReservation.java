package corelab.modes.cluster;

import corelab.modes.http.ServerSocketConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * {@code balance=kernel}: the primary never touches a connection. It holds the port for the
 * workers with a socket bound with SO_REUSEPORT but never listening, so it receives no
 * connections, yet fixes the port (port 0 picks one) and fails at once, with a clear
 * message, if another program has it. The workers listen on the same port with SO_REUSEPORT
 * and the kernel picks one per connection, by a hash of the addresses, not by load.
 */
final class PortReservation implements Front {
    private final SocketChannel channel;
    private final InetSocketAddress address;

    private PortReservation(SocketChannel channel, InetSocketAddress address) {
        this.channel = channel;
        this.address = address;
    }

    static PortReservation bind(String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            ServerSocketConfig.sharePort(channel);
            channel.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            int bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            return new PortReservation(channel, new InetSocketAddress(InetAddress.getByName(host), bound));
        } catch (BindException e) {
            channel.close();
            throw ServerSocketConfig.cannotBind(host, port, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
