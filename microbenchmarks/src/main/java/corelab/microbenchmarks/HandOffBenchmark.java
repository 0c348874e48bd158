package corelab.microbenchmarks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs to hand a task to another thread and get its answer back: a fixed pool of
 * platform threads (a queue and a parked worker that the kernel must wake) against an
 * executor that starts a virtual thread per task: exactly the executors of the
 * {@code platform} and {@code virtual} modes, whose acceptor hands each new connection over
 * this way. The {@code offload} mode pays such a round trip for every {@code cpu} request
 * (event loop to worker pool and back), so work much shorter than it is not worth offloading.
 * Expect the two to come out close: with one task at a time the receiver is idle (a parked
 * worker, or a parked carrier), waking it goes through the kernel, and JMH's own thread, a
 * platform thread, parks in {@code get()} and is woken the same way. A virtual thread makes
 * the thread cheap ({@link ThreadStartBenchmark}), not the hand-off.
 *
 * <p>The trap is submitting without waiting. Wrong: {@code pool.submit(task)} alone: it
 * times putting a task in a queue, not the hand-off, and the queue grows without bound
 * while the workers fall behind. Right: submit and {@code get()}, the round trip a caller
 * really waits for, with one task in flight at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class HandOffBenchmark {
    private static final Runnable NOTHING = () -> { };

    private ExecutorService platformPool;
    private ExecutorService virtualPerTask;

    @Setup(Level.Trial)
    public void startExecutors() {
        // One worker per core, as the offload mode's default pool.
        platformPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        virtualPerTask = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void stopExecutors() {
        platformPool.close();
        virtualPerTask.close();
    }

    @Benchmark
    public Object platformPoolSubmitGet() throws InterruptedException, ExecutionException {
        return platformPool.submit(NOTHING).get();
    }

    @Benchmark
    public Object virtualPerTaskSubmitGet() throws InterruptedException, ExecutionException {
        return virtualPerTask.submit(NOTHING).get();
    }
}
