package corelab.modes.threads;

import corelab.modes.http.EventLoopServer;
import corelab.modes.server.ServerContext;
import corelab.workloads.BlockingBackendClient;
import java.io.IOException;
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
public final class PollerServer extends EventLoopModeServer {
    private final ExecutorService requestThreads;
    private final BlockingBackendClient backendClient;

    public PollerServer(ServerContext context) throws IOException {
        this(context, Executors.newFixedThreadPool(context.options().threads(),
                Thread.ofPlatform().name("corelab-request-", 1).factory()), new BlockingBackendClient(context.backend()));
    }

    private PollerServer(ServerContext context, ExecutorService requestThreads, BlockingBackendClient backendClient)
            throws IOException {
        super("corelab-poller", poller -> {
            try {
                return EventLoopServer.perRequest(context.socket(), poller,
                        BlockingModeServer.blockingHandler(context, backendClient), requestThreads);
            } catch (IOException | RuntimeException e) {
                requestThreads.shutdownNow();
                backendClient.close();
                throw e;
            }
        });
        this.requestThreads = requestThreads;
        this.backendClient = backendClient;
    }

    @Override
    public void close() {
        super.close(); // the poller closes every connection, so a request thread's I/O fails and it ends
        requestThreads.shutdownNow();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backendClient.close();
    }
}
