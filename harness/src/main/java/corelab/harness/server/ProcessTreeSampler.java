package corelab.harness.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a server's processes use, read from the outside: CPU time, resident memory and
 * threads of the root and every descendant (a cluster's workers too), with no agent inside
 * the server. Linux's {@code /proc}; elsewhere only what {@link ProcessHandle} knows, the
 * rest -1.
 */
public final class ProcessTreeSampler {
    private ProcessTreeSampler() {
    }

    /** Whether {@code /proc} can be read, and so memory and threads are known. */
    public static boolean available() {
        return ProcFiles.readable();
    }

    /** The root and all its descendants, now; a process that exits meanwhile is left out. */
    public static TreeSample sample(ProcessHandle root) {
        boolean proc = available();
        long nanoTime = System.nanoTime();
        List<ProcessSample> processes = new ArrayList<>();
        Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive).forEach(process -> {
            if (proc) {
                ProcFiles.read(process.pid()).ifPresent(processes::add);
            } else {
                processes.add(fromHandle(process));
            }
        });
        return new TreeSample(nanoTime, processes);
    }

    private static ProcessSample fromHandle(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        long parentPid = process.parent().map(ProcessHandle::pid).orElse((long) ProcessSample.UNAVAILABLE);
        String command = info.command().map(c -> java.nio.file.Path.of(c).getFileName().toString()).orElse("?");
        long cpuNanos = info.totalCpuDuration().map(Duration::toNanos).orElse((long) ProcessSample.UNAVAILABLE);
        return new ProcessSample(process.pid(), parentPid, command, cpuNanos, ProcessSample.UNAVAILABLE,
                ProcessSample.UNAVAILABLE);
    }
}
