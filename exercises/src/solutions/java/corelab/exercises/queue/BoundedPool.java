package corelab.exercises.queue;

import corelab.modes.http.Handler;
import corelab.modes.http.HttpRequest;
import corelab.modes.http.HttpResponse;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Thread-per-request with a bounded queue: at most {@code threads} requests in service and
 * {@code queueCapacity} waiting; one more is answered 503 at once.
 *
 * <p>The bound caps how long an answered request can wait: {@code queueCapacity / threads + 1}
 * service times at most, however long the overload lasts. The price is the requests turned
 * away, which a client (or a load balancer) can send elsewhere or retry later, instead of
 * waiting for an answer that may come too late to matter.
 */
public final class BoundedPool implements Handler, AutoCloseable {
    /** The answer to a request that finds the queue full: come back later. */
    static final HttpResponse FULL = HttpResponse.refusal(503, "every thread is busy and the queue is full");

    private final Function<HttpRequest, HttpResponse> blockingWork;
    private final ExecutorService pool;

    public BoundedPool(Function<HttpRequest, HttpResponse> blockingWork, int threads, int queueCapacity) {
        this.blockingWork = blockingWork;
        // As newFixedThreadPool, but with a queue of fixed capacity; when it is full and all threads
        // are busy, execute() throws RejectedExecutionException (the AbortPolicy, the default).
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), Thread.ofPlatform().name("request-", 1).factory());
    }

    /** Runs on the event loop, which must never block: the blocking work goes to the pool. */
    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> blockingWork.apply(request), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(FULL);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
