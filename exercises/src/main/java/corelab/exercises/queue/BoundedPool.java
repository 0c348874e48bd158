package corelab.exercises.queue;

import corelab.modes.http.Handler;
import corelab.modes.http.HttpRequest;
import corelab.modes.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Thread-per-request, as corelab's {@code poller} mode and Tomcat serve: a fixed pool of
 * platform threads, each running one request's blocking work at a time. A request that finds
 * every thread busy waits in the pool's queue.
 *
 * <p>{@code Executors.newFixedThreadPool} gives that queue no bound. Under more load than the
 * threads can serve, it grows for as long as the overload lasts, and each new request waits
 * behind all the others: the tail latency grows without limit, and the memory with it.
 *
 * <p>TODO: let at most {@code queueCapacity} requests wait, and answer a request that finds
 * the queue full with {@link #FULL} (503 Service Unavailable) at once. Hints: a
 * {@code java.util.concurrent.ThreadPoolExecutor} takes the queue you give it (an
 * {@code ArrayBlockingQueue} has a capacity); what does its {@code execute} do when that
 * queue is full and every thread is busy?
 */
public final class BoundedPool implements Handler, AutoCloseable {
    /** The answer to a request that finds the queue full: come back later. */
    static final HttpResponse FULL = HttpResponse.refusal(503, "every thread is busy and the queue is full");

    private final Function<HttpRequest, HttpResponse> blockingWork;
    private final ExecutorService pool;

    public BoundedPool(Function<HttpRequest, HttpResponse> blockingWork, int threads, int queueCapacity) {
        this.blockingWork = blockingWork;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("request-", 1).factory());
    }

    /** Runs on the event loop, which must never block: the blocking work goes to the pool. */
    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> blockingWork.apply(request), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
