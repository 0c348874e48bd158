package corelab.modes;

import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import corelab.workloads.CpuKernel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code offload}: the {@code single} event loop, except that CPU work is handed to a pool
 * of worker threads and the loop writes the answer when it comes back, like Node.js's
 * {@code worker_threads}. The loop stays free for I/O; the pool uses the other cores.
 */
public final class OffloadServer implements ModeServer {
    private final EventLoop loop = new EventLoop("corelab-loop");
    private final ExecutorService cpuPool;
    private final EventLoopServer server;

    public OffloadServer(ServerContext context) throws IOException {
        cpuPool = Executors.newFixedThreadPool(context.options().offloadThreads(),
                Thread.ofPlatform().name("corelab-offload-", 1).factory());
        WorkloadHandler handler = new WorkloadHandler(context,
                (seed, iterations) -> CompletableFuture.supplyAsync(() -> CpuKernel.compute(seed, iterations), cpuPool),
                new LoopBackendClient(loop, context.backend()));
        try {
            server = new EventLoopServer(context.socket(), loop, handler);
        } catch (IOException e) {
            cpuPool.shutdownNow();
            throw e;
        }
        loop.start();
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
        cpuPool.shutdownNow();
        try {
            cpuPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
