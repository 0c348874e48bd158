package corelab.harness.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * CPU numbers in Linux's list format, "0-3,6,8-9": the way {@code taskset -c} takes them and
 * {@code /proc/<pid>/status} ({@code Cpus_allowed_list}) gives them.
 */
public final class CpuList {
    private static final String ALLOWED = "Cpus_allowed_list:";

    private CpuList() {
    }

    /** "0-2,5" as [0, 1, 2, 5]; a malformed list is an {@link IllegalArgumentException}. */
    public static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.strip().split(",")) {
            String[] ends = part.strip().split("-");
            try {
                int first = Integer.parseInt(ends[0].strip());
                int last = ends.length == 2 ? Integer.parseInt(ends[1].strip()) : first;
                if (ends.length > 2 || first < 0 || last < first) {
                    throw new NumberFormatException();
                }
                IntStream.rangeClosed(first, last).forEach(cpus::add);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list like 0-3,6: '" + text + "'");
            }
        }
        return List.copyOf(cpus);
    }

    /** [0, 1, 2, 5] as "0-2,5": runs of consecutive numbers as ranges. */
    public static String format(List<Integer> cpus) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cpus.size(); i++) {
            int first = cpus.get(i);
            while (i + 1 < cpus.size() && cpus.get(i + 1) == cpus.get(i) + 1) {
                i++;
            }
            out.append(out.isEmpty() ? "" : ",").append(first).append(first == cpus.get(i) ? "" : "-" + cpus.get(i));
        }
        return out.toString();
    }

    /**
     * The CPUs that share {@code cpu}'s core (SMT siblings, itself included), from sysfs: {@code core_cpus_list},
     * or its older name {@code thread_siblings_list} (as perf reads them); just {@code cpu} where neither reads.
     */
    public static List<Integer> sameCore(int cpu) {
        Path topology = Path.of("/sys/devices/system/cpu/cpu" + cpu + "/topology");
        for (String name : List.of("core_cpus_list", "thread_siblings_list")) {
            try {
                return parse(Files.readString(topology.resolve(name), StandardCharsets.US_ASCII));
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                // the next name, or none
            }
        }
        return List.of(cpu);
    }

    /**
     * The CPUs the calling thread may run on (its affinity, within its cpuset), from
     * {@code /proc/thread-self/status}; empty where that cannot be read (not Linux).
     */
    public static List<Integer> ofCurrentThread() {
        try {
            return Files.readAllLines(Path.of("/proc/thread-self/status"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith(ALLOWED)).findFirst()
                    .map(line -> parse(line.substring(ALLOWED.length()))).orElse(List.of());
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return List.of();
        }
    }
}
