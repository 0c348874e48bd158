package corelab.harness.server;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A server's whole process tree at one instant ({@link System#nanoTime()} when it was
 * read). Two samples give CPU used over an interval: the difference of {@link #totalCpuNanos()}.
 * A total is -1 when any process's figure is unavailable: a partial sum would mislead.
 */
public record TreeSample(long nanoTime, List<ProcessSample> processes) {
    public TreeSample {
        processes = List.copyOf(processes);
    }

    public long totalCpuNanos() {
        return total(ProcessSample::cpuNanos);
    }

    public long totalRssBytes() {
        return total(ProcessSample::rssBytes);
    }

    public int totalThreads() {
        return (int) total(ProcessSample::threads);
    }

    private long total(ToLongFunction<ProcessSample> figure) {
        long sum = 0;
        for (ProcessSample process : processes) {
            long value = figure.applyAsLong(process);
            if (value == ProcessSample.UNAVAILABLE) {
                return ProcessSample.UNAVAILABLE;
            }
            sum += value;
        }
        return sum;
    }
}
