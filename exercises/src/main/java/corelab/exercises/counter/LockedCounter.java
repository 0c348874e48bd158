package corelab.exercises.counter;

/**
 * A request counter that many threads share, as a server's handler threads share one.
 *
 * <p>{@code count++} looks like one step but is three: read {@code count}, add one, write it
 * back. Two threads that read the same value both write value + 1, and one increment is lost.
 * Nothing warns: the count is just too small. Run {@code CounterTest} to see how many it loses.
 *
 * <p>TODO: make every increment count, with a lock: synchronized, or java.util.concurrent.locks.ReentrantLock.
 * {@link AtomicCounter} is the same exercise, to be fixed the other way.
 */
public final class LockedCounter {
    private long count;

    public void increment() {
        count++;
    }

    public long count() {
        return count;
    }
}
