package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import corelab.modes.server.WorkloadHandler;
import corelab.modes.http.BlockingServer;
import corelab.modes.http.Transport;
import corelab.workloads.BlockingBackendClient;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * What {@code platform} and {@code virtual} share: a blocking server whose handlers do
 * CPU work on their own thread and wait for the backend with plain blocking calls.
 * The two modes differ only in the executor they pass in.
 */
abstract class BlockingModeServer extends TransportModeServer {
    private final BlockingBackendClient backendClient;
    private final BlockingServer server;

    /** @param maxConnections see {@link BlockingServer}: the only other thing a mode may choose */
    BlockingModeServer(ServerContext context, ExecutorService connectionThreads, int maxConnections)
            throws IOException {
        backendClient = new BlockingBackendClient(context.backend());
        WorkloadHandler handler = blockingHandler(context, backendClient);
        try {
            server = new BlockingServer(context.socket(), connectionThreads, handler, maxConnections);
        } catch (IOException e) {
            connectionThreads.shutdownNow();
            throw e;
        }
    }

    /**
     * A handler for a thread that is the request's own: CPU work on it, and a blocking call
     * to the backend ({@code platform}, {@code virtual} and {@code poller}).
     */
    static WorkloadHandler blockingHandler(ServerContext context, BlockingBackendClient backendClient) {
        return new WorkloadHandler(context,
                ServerContext::inline,
                (delayMillis, token) -> {
                    try {
                        backendClient.call(delayMillis, token); // this thread waits here
                        return CompletableFuture.completedFuture(null);
                    } catch (IOException | RuntimeException e) {
                        return CompletableFuture.failedFuture(new CompletionException(e));
                    }
                });
    }

    @Override
    Transport transport() {
        return server;
    }

    @Override
    public void close() {
        super.close();
        backendClient.close();
    }
}
