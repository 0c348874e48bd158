package corelab.harness.load;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * Pins the calling thread to CPUs: Linux's {@code sched_setaffinity(2)} with pid 0, which means the calling
 * thread only (affinity is per thread), called through the Foreign Function &amp; Memory API since the JDK
 * has no API for it. Only the generator's own threads are pinned this way, each as it starts: the rest of
 * the harness JVM (its sampler, GC and JIT threads) is left where the kernel puts it, and a child process is
 * pinned by {@code taskset} instead. The native call is looked up only when a thread is first pinned, so a
 * machine that pins nothing never links it.
 */
final class ThreadAffinity {
    /** glibc's {@code cpu_set_t}: 1024 bits, CPU n is bit n % 64 of the n / 64th unsigned long. */
    private static final int CPU_SET_BITS = 1024;

    private ThreadAffinity() {
    }

    /** Lets the calling thread run on {@code cpus} only; an {@link IllegalStateException} if the kernel refuses. */
    static void pinCurrentThread(List<Integer> cpus) {
        if (cpus.isEmpty() || cpus.stream().anyMatch(cpu -> cpu < 0 || cpu >= CPU_SET_BITS)) {
            throw new IllegalArgumentException("CPUs to pin a thread to must be between 0 and " + (CPU_SET_BITS - 1)
                    + ", at least one, were " + cpus);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SET_BITS / 8, 8); // zeroed
            for (int cpu : cpus) {
                long word = mask.getAtIndex(JAVA_LONG, cpu / 64);
                mask.setAtIndex(JAVA_LONG, cpu / 64, word | 1L << (cpu % 64));
            }
            MemorySegment state = arena.allocate(Native.CALL_STATE);
            int result = (int) Native.SCHED_SETAFFINITY.invokeExact(state, 0, mask.byteSize(), mask);
            if (result != 0) {
                throw new IllegalStateException("sched_setaffinity refused to pin the load generator's thread to CPUs "
                        + cpus + ": errno " + (int) Native.ERRNO.get(state, 0L));
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot pin the load generator's thread to CPUs " + cpus + ": " + e, e);
        }
    }

    /** Linked on first use only. */
    private static final class Native {
        static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle SCHED_SETAFFINITY = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("sched_setaffinity").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.captureCallState("errno"));
    }
}
