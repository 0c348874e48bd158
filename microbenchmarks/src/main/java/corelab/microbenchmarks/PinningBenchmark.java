package corelab.microbenchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pinning: a virtual thread that blocks while it cannot leave its carrier holds that carrier
 * (an OS thread) for as long as it blocks, and there are only as many carriers as cores.
 * Here {@value #THREADS} virtual threads each block {@value #BLOCK_MILLIS} ms while holding a
 * lock of their own (no contention: pinning is the point, not waiting for the lock), on
 * {@value #CARRIERS} carriers, and the batch is timed from the first start to the last join.
 *
 * <p>On JDK 21 to 23, blocking inside {@code synchronized} pins, and the scheduler does not
 * add carriers to make up for it: only {@value #CARRIERS} threads can sleep at a time, and the
 * batch should take about {@value #THREADS} / {@value #CARRIERS} x {@value #BLOCK_MILLIS} ms =
 * 4 ms, while the same code with a {@link ReentrantLock} takes about 1 ms, because a virtual
 * thread parked on a java.util.concurrent lock leaves its carrier free. On those JDKs that is
 * the wrong way and the right way, and the advice was to replace {@code synchronized} around
 * blocking calls. (A trap inside the trap: a lock object created in the method and never
 * shared may be removed altogether by the JIT, lock elision, and the pinning with it; the
 * locks here live in static fields.) Since JDK 24 (JEP 491) a virtual thread blocked in
 * {@code synchronized} unmounts like any other, and the two methods tie. The README's figures
 * come from JDK 25, so they show the tie; run the jar on a JDK 21 to see the difference.
 *
 * <p>What still pins on JDK 24+ (a native frame on the stack, a class initializer) shows
 * through the JFR event {@code jdk.VirtualThreadPinned}, recorded with its stack trace
 * whenever a pinned virtual thread blocks longer than 20 ms:
 * {@code java -XX:StartFlightRecording:filename=pinned.jfr ...}, then
 * {@code jfr print --events jdk.VirtualThreadPinned pinned.jfr}. (JDK 21's
 * {@code -Djdk.tracePinnedThreads} is gone since 24.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// The carriers are fixed at 2 so that the expected 4 ms holds on any machine, not only on 2 cores.
@Fork(value = 3, jvmArgsAppend = {"-Djdk.virtualThreadScheduler.parallelism=" + PinningBenchmark.CARRIERS})
public class PinningBenchmark {
    static final int CARRIERS = 2;
    static final int THREADS = 8;
    static final int BLOCK_MILLIS = 1;
    /** One lock per thread, in static fields: a lock that never escapes its method could be elided by the JIT. */
    private static final Object[] MONITORS = new Object[THREADS];
    private static final ReentrantLock[] LOCKS = new ReentrantLock[THREADS];

    static {
        for (int i = 0; i < THREADS; i++) {
            MONITORS[i] = new Object();
            LOCKS[i] = new ReentrantLock();
        }
    }

    @Benchmark
    public int blockInsideSynchronized() throws InterruptedException {
        return batch(i -> {
            synchronized (MONITORS[i]) {
                sleep();
            }
        });
    }

    @Benchmark
    public int blockInsideReentrantLock() throws InterruptedException {
        return batch(i -> {
            LOCKS[i].lock();
            try {
                sleep();
            } finally {
                LOCKS[i].unlock();
            }
        });
    }

    /** Starts {@link #THREADS} virtual threads, thread i running {@code task(i)}, and waits for all of them. */
    static int batch(IntConsumer task) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> task.accept(index)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return threads.size();
    }

    private static void sleep() {
        try {
            Thread.sleep(BLOCK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
