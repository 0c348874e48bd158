package corelab.harness.measure;

import corelab.modes.process.ChildProcess;
import corelab.modes.process.JvmCommand;
import corelab.modes.wire.CalibrationLine;
import corelab.results.Calibration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link CalibrationMain} in a fresh JVM, so that what it measures owes nothing to the harness's own
 * JIT, heap or threads, and collects its samples. A calibration that fails is a run failure: a limit line
 * without its measurement would be a guess drawn as a fact.
 */
public final class Calibrator {
    /** Five samples of 300 ms of one thread's CPU: about 3 s with the JVM's start and the kernel's warmup. */
    static final int SAMPLES = 5;
    static final int SAMPLE_MILLIS = 300;
    private static final long TIMEOUT_SECONDS = 60;

    private Calibrator() {
    }

    /**
     * One calibration: the kernel at {@code cpuIterations}, and the backend at {@code backendDelayMillis}
     * unless that is null.
     */
    public static Calibration measure(int cpuIterations, Integer backendDelayMillis)
            throws RunFailure, InterruptedException {
        List<Double> kernel = Collections.synchronizedList(new ArrayList<>());
        List<Double> backend = Collections.synchronizedList(new ArrayList<>());
        List<String> other = Collections.synchronizedList(new ArrayList<>());
        List<String> command = JvmCommand.forMain(CalibrationMain.class, List.of(), List.of(
                Integer.toString(cpuIterations), Integer.toString(backendDelayMillis == null ? 0 : backendDelayMillis),
                Integer.toString(SAMPLES), Integer.toString(SAMPLE_MILLIS)));
        try (ChildProcess child = ChildProcess.start(command, Path.of("."), line -> CalibrationLine.parse(line)
                .ifPresentOrElse(sample -> (sample.figure() == CalibrationLine.Figure.KERNEL_REQUESTS_PER_CPU_SECOND
                        ? kernel : backend).add(sample.value()), () -> other.add(line)))) {
            int exit = child.exited().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // The lines are read on another thread, which may still be draining the pipe when the JVM is gone.
            int backendSamples = backendDelayMillis == null ? 0 : SAMPLES;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                 (kernel.size() < SAMPLES || backend.size() < backendSamples) && System.nanoTime() < deadline; ) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            if (exit != 0 || kernel.size() != SAMPLES || backend.size() != backendSamples) {
                throw new RunFailure("the calibration JVM failed (exit " + exit + ", " + kernel.size() + " of " + SAMPLES
                        + " kernel samples, " + backend.size() + " of " + backendSamples + " backend samples): " + String.join(" | ", other));
            }
        } catch (IOException | ExecutionException e) {
            throw new RunFailure("cannot run the calibration JVM: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new RunFailure("the calibration JVM did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Calibration(cpuIterations, List.copyOf(kernel), List.of(), backendDelayMillis, List.copyOf(backend),
                List.of());
    }
}
