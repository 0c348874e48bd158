package corelab.exercises.counter;

/**
 * A request counter that many threads share, fixed with a lock.
 *
 * <p>{@code synchronized} lets one thread at a time run the read-modify-write, and its
 * release and the next acquire order the memory: the next thread sees the last write. A
 * {@code java.util.concurrent.locks.ReentrantLock} would do the same with more ceremony.
 * {@link #count()} is synchronized too: without it, a reader could see a stale value.
 */
public final class LockedCounter {
    private long count; // guarded by this

    public synchronized void increment() {
        count++;
    }

    public synchronized long count() {
        return count;
    }
}
