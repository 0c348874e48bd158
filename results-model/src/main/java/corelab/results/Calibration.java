package corelab.results;

import corelab.results.stats.Estimate;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * What the run's limit lines rest on, measured on this machine within the run, by a fresh JVM before the
 * first round and again after the last: the cpu kernel's single-core rate (requests of
 * {@code cpuIterations} steps per CPU-second of one thread) and one io backend call's round trip on
 * loopback. Each estimate pools the samples of both calibrations, so its interval covers what changed
 * between the start and the end of the run as well as the spread within each.
 *
 * @param kernelBefore       samples before the rounds, requests per CPU-second
 * @param kernelAfter        samples after them; empty when the run stopped early
 * @param backendDelayMillis the delay the calls asked for; null when no configuration waits on the backend
 * @param backendBefore      round trips before the rounds, ms; empty without a backend delay
 * @param backendAfter       after them
 */
public record Calibration(int cpuIterations, List<Double> kernelBefore, List<Double> kernelAfter,
                          Integer backendDelayMillis, List<Double> backendBefore, List<Double> backendAfter) {
    public Calibration {
        if (cpuIterations < 1) {
            throw new IllegalArgumentException("cpuIterations must be >= 1, was " + cpuIterations);
        }
        kernelBefore = List.copyOf(kernelBefore);
        kernelAfter = List.copyOf(kernelAfter);
        backendBefore = List.copyOf(backendBefore);
        backendAfter = List.copyOf(backendAfter);
    }

    /** The single-core rate at {@code cpuIterations}, both calibrations pooled. */
    public Estimate kernelRequestsPerCpuSecond() {
        return Estimate.of(DoubleStream.concat(kernelBefore.stream().mapToDouble(Double::doubleValue),
                kernelAfter.stream().mapToDouble(Double::doubleValue)).toArray());
    }

    /** One backend call's round trip in ms, both calibrations pooled. */
    public Estimate backendRoundTripMillis() {
        return Estimate.of(DoubleStream.concat(backendBefore.stream().mapToDouble(Double::doubleValue),
                backendAfter.stream().mapToDouble(Double::doubleValue)).toArray());
    }

    /** This calibration with the samples taken after the rounds. */
    public Calibration withAfter(Calibration after) {
        return new Calibration(cpuIterations, kernelBefore, after.kernelBefore, backendDelayMillis, backendBefore,
                after.backendBefore);
    }
}
