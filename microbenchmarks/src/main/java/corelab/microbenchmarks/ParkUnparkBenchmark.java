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
 * Blocking and waking: what one round trip costs when two threads take turns, each parked
 * until the other wakes it ({@link Rally}). A parked platform thread is asleep in the kernel
 * (a futex): waking it is a system call, and it runs again only when the OS scheduler puts it
 * on a core. A parked virtual thread is a continuation set aside on the heap: waking it
 * queues it on a carrier, and switching to it is a jump in user space. Every blocking call
 * of the {@code platform} and {@code virtual} modes (a read that must wait, a backend
 * answer) ends in one such park and one such wake-up.
 *
 * <p>The trap is measuring the start of the threads, or a queue's spinning, rather than
 * the hand-over. Wrong: start two threads per round trip (that is {@link ThreadStartBenchmark}),
 * or ping-pong through a {@code SynchronousQueue}, which spins a while before it parks and
 * so, when the other side answers quickly, may not park at all. Right: two threads are started per invocation
 * and play {@value #ROUND_TRIPS} round trips with {@code LockSupport} alone, and JMH divides
 * by them ({@code @OperationsPerInvocation}): the starts are spread thin enough to vanish.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class ParkUnparkBenchmark {
    static final int ROUND_TRIPS = 1000;

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long platformRoundTrip() throws InterruptedException {
        return Rally.play(Thread.ofPlatform(), ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long virtualRoundTrip() throws InterruptedException {
        return Rally.play(Thread.ofVirtual(), ROUND_TRIPS);
    }
}
