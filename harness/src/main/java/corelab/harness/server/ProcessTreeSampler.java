package corelab.harness.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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

    /** The tree's RSS and PSS, summed over its live processes, now; each -1 if any process's is unknown. */
    public static TreeMemory memory(ProcessHandle root) {
        return memory(root, process -> true);
    }

    /** As {@link #memory(ProcessHandle)}, over the processes of the tree that {@code include} accepts. */
    public static TreeMemory memory(ProcessHandle root, Predicate<ProcessSample> include) {
        if (!available()) {
            return TreeMemory.UNKNOWN;
        }
        long rss = 0;
        long pss = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            Optional<ProcessSample> sample = ProcFiles.read(process.pid());
            if (sample.isEmpty() || !include.test(sample.get())) {
                continue; // gone meanwhile, or not asked for
            }
            long processPss = ProcFiles.pssBytes(process.pid());
            rss = rss < 0 || sample.get().rssBytes() < 0 ? ProcessSample.UNAVAILABLE : rss + sample.get().rssBytes();
            pss = pss < 0 || processPss < 0 ? ProcessSample.UNAVAILABLE : pss + processPss;
        }
        return new TreeMemory(rss, pss);
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
