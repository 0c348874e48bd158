package corelab.harness.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long one thread has waited, runnable, for a CPU: the second field of Linux's
 * {@code /proc/<pid>/task/<tid>/schedstat} (time on the CPU, time waiting on a run queue, timeslices; in
 * nanoseconds). A generator thread that waits for a CPU is as saturated as one that is busy, and on a
 * machine the server shares, its CPU time alone does not show it.
 */
final class RunQueueWait {
    static final long UNKNOWN = -1;
    private final Path schedstat;

    private RunQueueWait(Path schedstat) {
        this.schedstat = schedstat;
    }

    /** The calling thread's; reads nothing (always {@link #UNKNOWN}) where there is no such file. */
    static RunQueueWait ofCurrentThread() {
        try {
            // /proc/thread-self links to "<pid>/task/<tid>": the only way to the Linux tid from Java.
            Path task = Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")));
            Path schedstat = task.resolve("schedstat");
            return new RunQueueWait(Files.isReadable(schedstat) ? schedstat : null);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new RunQueueWait(null);
        }
    }

    /** Nanoseconds waited so far, or {@link #UNKNOWN}. Safe from any thread. */
    long nanos() {
        if (schedstat == null) {
            return UNKNOWN;
        }
        try {
            return parse(Files.readString(schedstat, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN; // the thread has ended
        }
    }

    /** The wait from a schedstat line: "123 456 7" is 456 ns. */
    static long parse(String line) {
        String[] fields = line.strip().split("\\s+");
        return fields.length >= 2 ? Long.parseLong(fields[1]) : UNKNOWN;
    }
}
