package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import corelab.workloads.CpuKernel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code offload}: the {@code single} event loop, except that CPU work is handed to a pool
 * of worker threads and the loop writes the answer when it comes back, like Node.js's
 * {@code worker_threads}. The loop stays free for I/O; the pool uses the other cores.
 */
public final class OffloadServer extends EventLoopModeServer {
    private final ExecutorService cpuPool;

    public OffloadServer(ServerContext context) throws IOException {
        this(context, Executors.newFixedThreadPool(context.options().offloadThreads(),
                Thread.ofPlatform().name("corelab-offload-", 1).factory()));
    }

    private OffloadServer(ServerContext context, ExecutorService cpuPool) throws IOException {
        super(context, (seed, iterations) -> CompletableFuture.supplyAsync(
                () -> CpuKernel.compute(seed, iterations), cpuPool));
        this.cpuPool = cpuPool;
    }

    @Override
    public void close() {
        super.close();
        cpuPool.shutdownNow();
        try {
            cpuPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
