package corelab.harness.measure;

import corelab.modes.wire.CalibrationLine;
import corelab.modes.wire.CalibrationLine.Figure;
import corelab.workloads.Backend;
import corelab.workloads.BlockingBackendClient;
import corelab.workloads.CpuKernel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM that measures what the run's limit lines rest on, on this machine and now: how many cpu
 * requests' kernels one thread computes per second of its own CPU time (per CPU-second, so that a busy
 * machine slows the samples without biasing them), and how long one call to the io backend takes on
 * loopback, as the servers make it. Prints one {@link CalibrationLine} per sample.
 *
 * <p>Arguments: cpuIterations, backendDelayMillis (0: no backend samples), samples, sampleMillis.
 */
public final class CalibrationMain {
    /** Long enough for the JIT to compile the kernel's loop before the samples count it. */
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(800);
    private static volatile long sink; // the kernel's results go somewhere, so the JIT cannot drop the work

    private CalibrationMain() {
    }

    public static void main(String[] args) throws IOException {
        int cpuIterations = Integer.parseInt(args[0]);
        int backendDelayMillis = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        long sampleNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long seed = 1;
        for (long start = threads.getCurrentThreadCpuTime(); threads.getCurrentThreadCpuTime() - start < WARMUP_NANOS; ) {
            sink ^= CpuKernel.compute(seed++, cpuIterations);
        }
        for (int i = 0; i < samples; i++) {
            long start = threads.getCurrentThreadCpuTime();
            long calls = 0;
            long used;
            do {
                sink ^= CpuKernel.compute(seed++, cpuIterations);
                calls++;
                used = threads.getCurrentThreadCpuTime() - start;
            } while (used < sampleNanos);
            System.out.println(new CalibrationLine(Figure.KERNEL_REQUESTS_PER_CPU_SECOND, calls / (used / 1e9)).format());
        }
        if (backendDelayMillis > 0) {
            try (Backend backend = Backend.start("127.0.0.1", 0);
                 BlockingBackendClient client = new BlockingBackendClient(backend.address())) {
                for (int i = 0; i < 3; i++) {
                    // The first calls open the connection and start the backend's threads: not samples.
                    client.call(backendDelayMillis, 1_000_000 + i);
                }
                for (int i = 1; i <= samples; i++) {
                    long start = System.nanoTime();
                    client.call(backendDelayMillis, i);
                    double millis = (System.nanoTime() - start) / 1e6;
                    System.out.println(new CalibrationLine(Figure.BACKEND_ROUND_TRIP_MILLIS, millis).format());
                }
            }
        }
        System.out.flush();
    }
}
