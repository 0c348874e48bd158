package corelab.exercises.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Many threads increment one counter at once; every increment must count. The race is made
 * overwhelmingly likely (many threads, many increments each, all released together), and the
 * assertion is exact: a counter that loses even one increment fails.
 */
class CounterTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 2_000_000;

    @Test
    void theAtomicCounterCountsEveryIncrement() throws InterruptedException {
        AtomicCounter counter = new AtomicCounter();
        assertCountsEveryIncrement(counter::increment, counter::count);
    }

    @Test
    void theLockedCounterCountsEveryIncrement() throws InterruptedException {
        LockedCounter counter = new LockedCounter();
        assertCountsEveryIncrement(counter::increment, counter::count);
    }

    private static void assertCountsEveryIncrement(Runnable increment, LongSupplier count) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start); // all threads start together, so their increments overlap
                for (int n = 0; n < INCREMENTS_PER_THREAD; n++) {
                    increment.run();
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long expected = (long) THREADS * INCREMENTS_PER_THREAD;
        long counted = count.getAsLong();
        assertEquals(expected, counted, String.format("%,d threads incremented %,d times each, and %,d increments"
                + " were lost", THREADS, INCREMENTS_PER_THREAD, expected - counted));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
