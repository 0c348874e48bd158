package corelab.modes.cluster;

import corelab.modes.counter.Counter;
import corelab.modes.wire.CounterIncrement;
import corelab.modes.wire.CounterValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code counter=primary}, a cluster worker's side: the count lives in the primary, and each
 * increment is a message there ({@link CounterIncrement}) and a message back
 * ({@link CounterValue}) over the worker's channel (its stdin and
 * stdout, like Node.js's {@code process.send}). The primary handles one message at a time per
 * worker and keeps one {@link AtomicLong}, so every request of every worker gets its own
 * value; the price is a round trip between two processes per request.
 *
 * <p>Requests are told apart by a number, since answers to different connections may come
 * back in any order. The message is written on a thread of its own: a write to a full pipe
 * blocks, and the caller may be an event loop, which must never block.
 */
public final class PrimaryCounter implements Counter {
    /** A primary that is alive answers in microseconds; one that is gone takes this worker with it. */
    static final long REPLY_TIMEOUT_SECONDS = 30;

    private final WorkerChannel primary;
    private final AtomicLong nextRequest = new AtomicLong();
    private final Map<Long, CompletableFuture<Long>> awaiting = new ConcurrentHashMap<>();
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon(true).name("corelab-counter-send").factory());

    public PrimaryCounter(WorkerChannel primary) {
        this.primary = primary;
        primary.onMessage(this::answered);
    }

    @Override
    public CompletableFuture<Long> increment() {
        long request = nextRequest.incrementAndGet();
        CompletableFuture<Long> value = new CompletableFuture<>();
        awaiting.put(request, value);
        try {
            sender.execute(() -> primary.send(new CounterIncrement(request)));
        } catch (RejectedExecutionException e) {
            awaiting.remove(request);
            return CompletableFuture.failedFuture(new IllegalStateException("the counter is closed"));
        }
        return value.orTimeout(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ignored, error) -> awaiting.remove(request));
    }

    /** Runs on the channel's thread; completing the future hands the answer back to whoever asked. */
    private void answered(String text) {
        // parse never throws: a listener that threw would stop the channel, and with it the worker
        CounterValue.parse(text).ifPresent(answer -> {
            CompletableFuture<Long> value = awaiting.remove(answer.requestNumber());
            if (value != null) {
                value.complete(answer.value());
            }
        });
    }

    @Override
    public void close() {
        sender.shutdownNow();
        awaiting.values().forEach(value -> value.completeExceptionally(new IllegalStateException("the counter is closed")));
    }

    /**
     * The primary's side: keeps the one count for the whole cluster and answers every
     * worker's increment. Messages from one worker arrive in order on that worker's output
     * thread; workers' threads run at once, hence the atomic.
     */
    public static void keepCount(Cluster cluster) {
        AtomicLong count = new AtomicLong();
        cluster.onMessage((worker, text) -> CounterIncrement.parse(text).ifPresent(
                increment -> worker.send(new CounterValue(increment.requestNumber(), count.incrementAndGet()))));
    }
}
