package corelab.exercises.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import corelab.modes.http.Handler;
import corelab.modes.http.HttpResponse;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * With {@code THREADS} threads and a queue of {@code QUEUE}, held busy by work that blocks
 * until the test lets it go: {@code THREADS} requests are in service, {@code QUEUE} wait, and
 * the next one is answered 503 at once. Then the work is let go, and every request that waited
 * is answered 200.
 */
class BoundedPoolTest {
    private static final int THREADS = 2;
    private static final int QUEUE = 3;
    /** The 503 comes at once on an idle machine; this deadline only keeps an unbounded queue from hanging the test. */
    private static final long ANSWER_SECONDS = 10;

    @Test
    void aRequestThatFindsTheQueueFullIsAnswered503AndTheOthersSucceed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger dispatched = new AtomicInteger();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        try (BoundedPool pool = new BoundedPool(request -> {
                 awaitQuietly(release);
                 return HttpResponse.text(200, "done\n");
             }, THREADS, QUEUE);
             QueueServer server = QueueServer.start(0, counting(pool, dispatched))) {
            List<CompletableFuture<Http.Response>> admitted = new ArrayList<>();
            for (int i = 0; i < THREADS + QUEUE; i++) {
                admitted.add(get(server.address(), clients));
            }
            // Each on a connection of its own, at once; the event loop hands them to the pool one by one.
            Eventually.assertWithin(Eventually.PATIENCE, () -> dispatched.get() == THREADS + QUEUE,
                    () -> dispatched.get() + " of " + (THREADS + QUEUE) + " requests reached the pool");

            CompletableFuture<Http.Response> oneMore = get(server.address(), clients);
            try {
                Http.Response refused = oneMore.get(ANSWER_SECONDS, TimeUnit.SECONDS);
                assertEquals(503, refused.status(), "the request that found the queue full: " + refused);
            } catch (TimeoutException e) {
                fail("request " + (THREADS + QUEUE + 1) + " (" + THREADS + " threads busy, " + QUEUE + " requests"
                        + " waiting) had no answer after " + ANSWER_SECONDS + " s: it waits in the queue, so the"
                        + " queue is not bounded to " + QUEUE);
            }
            release.countDown();
            for (CompletableFuture<Http.Response> answer : admitted) {
                assertEquals(200, answer.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS).status());
            }
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    /** Counts the requests the pool has taken (into a thread, into its queue, or refused). */
    private static Handler counting(Handler handler, AtomicInteger dispatched) {
        return request -> {
            var answer = handler.handle(request);
            dispatched.incrementAndGet();
            return answer;
        };
    }

    private static CompletableFuture<Http.Response> get(InetSocketAddress address, ExecutorService clients) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Http.get(address, "/");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, clients);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
