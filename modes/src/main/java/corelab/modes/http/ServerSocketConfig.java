package corelab.modes.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;

/**
 * Where and how a server listens. {@code reusePort} sets SO_REUSEPORT, which lets every
 * cluster worker listen on the same port and has the kernel spread connections among them.
 * {@code handedListener}, when not null, is a listening socket the process was given (a
 * {@code shared} cluster worker's, from its primary): {@link #open()} returns it as it is.
 */
public record ServerSocketConfig(String host, int port, boolean reusePort, HttpLimits limits,
                                 ServerSocketChannel handedListener) {
    /** Connections the kernel queues before accept; Java's default of 50 drops bursts of clients. */
    public static final int BACKLOG = 4096;

    /** A server that listens itself. */
    public ServerSocketConfig(String host, int port, boolean reusePort, HttpLimits limits) {
        this(host, port, reusePort, limits, null);
    }

    /** Opens, configures and binds a listening channel, with one clear message when that fails. */
    public ServerSocketChannel open() throws IOException {
        if (handedListener != null) {
            return handedListener;
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            if (reusePort) {
                sharePort(channel);
            }
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(InetAddress.getByName(host), port), BACKLOG);
            return channel;
        } catch (BindException e) {
            channel.close();
            throw cannotBind(host, port, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Sets SO_REUSEPORT, or says plainly that this platform cannot let processes share a port. */
    public static void sharePort(NetworkChannel channel) throws IOException {
        if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            throw new IOException("this platform does not support SO_REUSEPORT, which the cluster mode needs"
                    + " to let its workers share one port; use an in-process mode instead");
        }
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    }

    /** The one message for a failed bind, naming the address and, for a busy port, what to do. */
    public static BindException cannotBind(String host, int port, BindException cause) {
        return new BindException("cannot listen on " + host + ":" + port + ": "
                + (cause.getMessage() != null && cause.getMessage().contains("in use")
                ? "the port is already in use (choose another with -Dport=)"
                : cause.getMessage()));
    }
}
