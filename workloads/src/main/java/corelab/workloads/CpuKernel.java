package corelab.workloads;

/**
 * The {@code cpu} workload's kernel: a chain of SplitMix64 steps.
 *
 * <p>Each step depends on the one before, so the JIT can neither skip nor parallelise
 * the chain, and it touches no memory beyond two registers: the cost is pure CPU, with
 * no allocation for a garbage collector to add noise to. The result is a checksum that
 * a client can recompute to prove that the server really did the work.
 */
public final class CpuKernel {
    private CpuKernel() {
    }

    public static long compute(long seed, int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
        long state = seed;
        long mixed = 0;
        for (int i = 0; i < iterations; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            // Feeding the output back into the state makes every step wait for the last.
            mixed ^= z ^ (z >>> 31);
            state ^= mixed;
        }
        return mixed;
    }
}
