package corelab.microbenchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one thread costs from start to end, running nothing: a platform thread (an OS thread:
 * a kernel task, a native stack, a clone() system call) against a virtual thread (a small
 * object on the heap whose stack is copied in and out of a carrier). The difference is why
 * the {@code virtual} mode can afford a new thread for every connection, while the
 * {@code platform} mode keeps a fixed pool of threads started once.
 *
 * <p>The first trap is starting without joining. Wrong: {@code Thread.ofPlatform().start(task)}
 * alone: it times only the request to start, the threads pile up faster than they end, and
 * the figure ends up measuring a machine drowning in threads. The second is joining each
 * thread at once. Wrong: start one, join it, repeat: every join parks JMH's own thread, a
 * platform thread, in the kernel until the new thread has ended, and that wake-up (tens of
 * microseconds on a busy 2-core machine, see {@link ParkUnparkBenchmark}) then makes most of a
 * virtual thread's figure. Right: start a batch of {@value #BATCH}, then join them all: most
 * joins find their thread already ended, and JMH divides by the batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ThreadStartBenchmark {
    static final int BATCH = 100;
    private static final Runnable NOTHING = () -> { };

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Thread[] platformStartJoin() throws InterruptedException {
        return startAndJoin(Thread.ofPlatform());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Thread[] virtualStartJoin() throws InterruptedException {
        return startAndJoin(Thread.ofVirtual());
    }

    private static Thread[] startAndJoin(Thread.Builder kind) throws InterruptedException {
        Thread[] threads = new Thread[BATCH];
        for (int i = 0; i < BATCH; i++) {
            threads[i] = kind.start(NOTHING);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return threads;
    }
}
