package corelab.modes.counter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code counter=local}: a count in this process's memory. Every thread of the process sees
 * the same one, and {@link AtomicLong#incrementAndGet()} makes each increment indivisible, so
 * concurrent requests never get the same value (a plain {@code count++} would: two threads
 * read 41, both write 42). A cluster worker is another process with its own copy: each
 * worker counts only the requests the kernel happened to give it.
 */
public final class LocalCounter implements Counter {
    private final AtomicLong count = new AtomicLong();

    @Override
    public CompletableFuture<Long> increment() {
        return CompletableFuture.completedFuture(count.incrementAndGet());
    }
}
