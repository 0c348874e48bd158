package corelab.modes.cluster;

import corelab.modes.http.HttpLimits;
import corelab.modes.http.ServerSocketConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code balance=proxy}: Node.js's default scheduling, as near as Java gets. In Node the
 * primary accepts every connection and hands the socket itself to the next worker in turn;
 * a JVM cannot pass a socket to another process, so this primary accepts, opens a second
 * connection to the next worker in turn (each listens on a loopback port of its own) and
 * copies bytes both ways. The price, which the measurements show: every byte crosses the
 * primary, and each connection costs two.
 *
 * <p>One virtual thread per direction of each connection keeps it plain blocking code. A
 * worker that refuses (it died, or is disconnecting) is skipped for the next one; the
 * {@link ListeningWorkers} list picks up a restarted worker's new port once it listens.
 */
final class RoundRobinProxy implements Front {
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final ListeningWorkers workers;
    private final AtomicInteger next = new AtomicInteger();

    private RoundRobinProxy(ServerSocketChannel listener, ListeningWorkers workers) throws IOException {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.workers = workers;
    }

    /** Takes the port now (a busy one fails here, clearly); connections wait in the backlog until {@link #workersListening}. */
    static RoundRobinProxy bind(String host, int port, ListeningWorkers workers) throws IOException {
        ServerSocketChannel listener = new ServerSocketConfig(host, port, false, HttpLimits.DEFAULTS).open();
        try {
            return new RoundRobinProxy(listener, workers);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void workersListening() {
        Thread.ofPlatform().daemon(true).name("corelab-proxy-accept").start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                return; // close(): the cluster stops
            } catch (IOException e) {
                continue; // one failed accept (the client gave up already) must not stop the others
            }
            Thread.ofVirtual().name("corelab-proxy").start(() -> relay(client));
        }
    }

    private void relay(SocketChannel client) {
        try (client; SocketChannel worker = connectToNextWorker()) {
            if (worker == null) {
                return; // no worker listens: the client sees its connection closed
            }
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Thread.ofVirtual().name("corelab-proxy-up").start(() -> {
                copy(client, worker);
                shutdownOutput(worker); // the client finished sending; the worker may still answer
            });
            copy(worker, client);
            // The worker closed its side (or failed): the exchange is over, whatever the
            // client might still send. Closing both sockets (leaving this block) ends the
            // upstream copy too.
        } catch (IOException ignored) {
            // the client left before we could serve it
        }
    }

    /** The next worker in turn that accepts a connection, trying each at most once; null if none does. */
    private SocketChannel connectToNextWorker() {
        List<InetSocketAddress> addresses = workers.addresses();
        for (int tried = 0; tried < addresses.size(); tried++) {
            InetSocketAddress target = addresses.get(Math.floorMod(next.getAndIncrement(), addresses.size()));
            try {
                SocketChannel worker = SocketChannel.open(target);
                worker.setOption(StandardSocketOptions.TCP_NODELAY, true);
                return worker;
            } catch (IOException e) {
                // refused: that worker died or is disconnecting; its exit event will drop it from the list
            }
        }
        return null;
    }

    /** Copies until {@code from} ends; a reset on either side ends it too. */
    private static void copy(SocketChannel from, SocketChannel to) {
        try {
            from.socket().getInputStream().transferTo(to.socket().getOutputStream());
        } catch (IOException ignored) {
            // a reset or a closed socket: this direction is over
        }
    }

    private static void shutdownOutput(SocketChannel channel) {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
