package corelab.exercises.counter;

import java.util.concurrent.atomic.LongAdder;

/**
 * A request counter that many threads share, fixed without a lock.
 *
 * <p>{@code AtomicLong.incrementAndGet()} would do: one atomic read-modify-write instruction
 * ({@code lock xadd} on x86), so no increment is lost. But every thread then writes the same
 * cache line, which travels from core to core on each increment. {@link LongAdder} spreads
 * threads that contend over several cells and adds them up only when asked: the better fit for
 * a counter written on every request and read rarely (its sum is not a snapshot while
 * increments go on, which a statistic can live with).
 */
public final class AtomicCounter {
    private final LongAdder count = new LongAdder();

    public void increment() {
        count.increment();
    }

    public long count() {
        return count.sum();
    }
}
