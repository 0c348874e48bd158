package corelab.modes.threads;

import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import corelab.modes.server.ModeServer;
import corelab.modes.server.ServerContext;
import corelab.workloads.BlockingBackendClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code poller}: thread-per-request, Tomcat's NIO connector. One poller thread holds every
 * open connection without a thread of its own; a connection with a request to read is
 * handed to a fixed pool of {@code threads} platform threads for that one request, which
 * runs the same blocking handler as {@code platform}, then goes back to the poller. So
 * {@code threads} caps the requests in service (Tomcat's {@code maxThreads}), not the open
 * connections ({@code maxConnections} does): requests beyond the pool wait in its queue.
 */
public final class PollerServer implements ModeServer {
    private final EventLoop poller = new EventLoop("corelab-poller");
    private final ExecutorService requestThreads;
    private final BlockingBackendClient backendClient;
    private final EventLoopServer server;

    public PollerServer(ServerContext context) throws IOException {
        requestThreads = Executors.newFixedThreadPool(context.options().threads(),
                Thread.ofPlatform().name("corelab-request-", 1).factory());
        backendClient = new BlockingBackendClient(context.backend());
        try {
            server = EventLoopServer.perRequest(context.socket(), poller,
                    BlockingModeServer.blockingHandler(context, backendClient), requestThreads);
        } catch (IOException | RuntimeException e) {
            requestThreads.shutdownNow();
            backendClient.close();
            throw e;
        }
        poller.start();
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public long refusedConnections() {
        return server.refusedConnections();
    }

    @Override
    public void disconnect(Duration grace) {
        server.disconnect(grace);
    }

    @Override
    public void close() {
        server.close(); // the poller closes every connection, so a request thread's I/O fails and it ends
        requestThreads.shutdownNow();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backendClient.close();
    }
}
