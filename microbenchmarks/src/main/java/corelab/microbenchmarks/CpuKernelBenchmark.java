package corelab.microbenchmarks;

import corelab.workloads.CpuKernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many {@code /cpu} answers one core can compute per second: the kernel alone, with no
 * HTTP, no sockets and no other thread. Times the cores a server may use, this is the
 * ceiling the report draws beside the measured {@code cpu} line; a mode that reaches it has
 * nothing left to gain, one far below it loses its time elsewhere (parsing, hand-offs,
 * waiting). The reports read this benchmark from JMH's JSON ({@code corelab.reports.JmhResults})
 * under the name {@code CpuKernelBenchmark.kernel} and the parameter {@code iterations}.
 *
 * <p>The trap is dead code. Wrong ({@link #kernelResultDiscarded}): call the kernel as a
 * statement and drop its result: nothing depends on the loop, the JIT inlines the kernel and
 * removes it, and the benchmark times an empty method. At 1000 iterations it reports about
 * a billion "answers" a second, one per nanosecond, thousands of times the true rate. Worse,
 * the trap does not always show: at 250,000 iterations the same wrong method gave a plausible
 * figure on this machine (the JIT compiled it differently), so a plausible figure proves
 * nothing. Wrong too: a seed that is a compile-time constant, which lets the JIT fold the
 * chain into one number. Right ({@link #kernel}): the seed comes from a field of the state,
 * and the result is returned, which JMH consumes (a Blackhole), so the work must happen.
 *
 * <p>Several sizes show that the cost is linear in the iterations (the rate at 25,000 is
 * about ten times that at 250,000), which is why the reports may rescale a rate measured at
 * one size to another.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class CpuKernelBenchmark {

    @State(Scope.Thread)
    public static class Work {
        /** The kernel's size, as {@code -DcpuIterations=} gives it to a server (the lab's default: 250000). */
        @Param({"1000", "25000", "250000"})
        public int iterations;

        /** A field, not a constant: the JIT cannot know it, so cannot compute the chain in advance. */
        public long seed = 7;
    }

    /** One small size for the wrong way: it needs to be seen once, not at every size. */
    @State(Scope.Thread)
    public static class SmallWork {
        public int iterations = 1000;
        public long seed = 7;
    }

    @Benchmark
    public long kernel(Work work) {
        return CpuKernel.compute(work.seed, work.iterations);
    }

    /** The wrong way, kept to be looked at: see the class comment. Its figure is not a rate of anything. */
    @Benchmark
    public void kernelResultDiscarded(SmallWork work) {
        CpuKernel.compute(work.seed, work.iterations);
    }
}
