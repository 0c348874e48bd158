package corelab.harness.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Reads one process's figures from Linux's {@code /proc/<pid>/{stat,status,cmdline}}. */
final class ProcFiles {
    static final int COMMAND_MAX_CHARS = 80;
    private static final Path PROC = Path.of("/proc");
    /** The JVM options whose value is the next argument, so it is not taken for the main class. */
    private static final Set<String> JAVA_OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path",
            "-p", "--module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads");

    private ProcFiles() {
    }

    static boolean readable() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /** The process's sample, or empty if it is gone (it may exit between listing and reading). */
    static Optional<ProcessSample> read(long pid) {
        Path dir = PROC.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            String status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            // The command name, field 2, is in parentheses and may itself hold spaces or ')'.
            int nameEnd = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            // fields[0] is stat field 3 (state): field n is fields[n - 3].
            long parentPid = Long.parseLong(fields[1]);
            long cpuTicks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            long cpuNanos = cpuTicks * TimeUnit.SECONDS.toNanos(1) / ClockTicks.PER_SECOND;
            // A zombie has no VmRSS line: it holds no memory.
            long rssBytes = statusKibibytes(status, "VmRSS:") * 1024;
            int threads = (int) statusNumber(status, "Threads:");
            return Optional.of(new ProcessSample(pid, parentPid, shortCommand(arguments(cmdline), name),
                    cpuNanos, rssBytes, threads));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or exiting while we read: not part of the tree any more
        }
    }

    /**
     * The process's proportional set size: each resident page divided by the processes that map it, from
     * {@code /proc/<pid>/smaps_rollup} (Linux 4.14 and later); -1 when it cannot be read. The kernel walks
     * every mapping to answer, so it is read at trial boundaries, not every second.
     */
    static long pssBytes(long pid) {
        try {
            String rollup = Files.readString(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup"),
                    StandardCharsets.UTF_8);
            long kibibytes = statusNumber(rollup, "Pss:");
            return kibibytes < 0 ? ProcessSample.UNAVAILABLE : kibibytes * 1024;
        } catch (IOException | RuntimeException e) {
            return ProcessSample.UNAVAILABLE;
        }
    }

    /**
     * The executable's name, then, for {@code java}, the main class (or {@code -jar x}) and
     * its arguments without the JVM options, else the arguments; cut at {@link #COMMAND_MAX_CHARS}.
     */
    static String shortCommand(List<String> arguments, String fallbackName) {
        if (arguments.isEmpty()) {
            return fallbackName; // a zombie's cmdline is empty
        }
        String executable = Path.of(arguments.get(0)).getFileName().toString();
        List<String> shown = new ArrayList<>(List.of(executable));
        int next = 1;
        if (executable.equals("java")) {
            while (next < arguments.size() && arguments.get(next).startsWith("-")
                    && !arguments.get(next).equals("-jar")) {
                next += JAVA_OPTIONS_WITH_VALUE.contains(arguments.get(next)) ? 2 : 1;
            }
        }
        shown.addAll(arguments.subList(Math.min(next, arguments.size()), arguments.size()));
        String command = String.join(" ", shown);
        return command.length() <= COMMAND_MAX_CHARS ? command : command.substring(0, COMMAND_MAX_CHARS - 3) + "...";
    }

    private static List<String> arguments(byte[] cmdline) {
        List<String> arguments = new ArrayList<>();
        for (String argument : new String(cmdline, StandardCharsets.UTF_8).split("\0")) {
            if (!argument.isEmpty()) {
                arguments.add(argument);
            }
        }
        return arguments;
    }

    private static long statusKibibytes(String status, String key) {
        long value = statusNumber(status, key);
        return value < 0 ? 0 : value;
    }

    /** The number after {@code key} in {@code /proc/<pid>/status}, or -1 if the line is missing. */
    private static long statusNumber(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /** The kernel's clock ticks per second, in which {@code /proc} counts CPU time; read once. */
    private static final class ClockTicks {
        static final long PER_SECOND = read();

        private static long read() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                getconf.getOutputStream().close();
                String output;
                try (InputStream in = getconf.getInputStream()) {
                    output = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                }
                getconf.waitFor(10, TimeUnit.SECONDS);
                long ticks = Long.parseLong(output);
                return ticks > 0 ? ticks : 100;
            } catch (IOException | NumberFormatException e) {
                return 100; // USER_HZ is 100 on every mainstream Linux
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }
}
