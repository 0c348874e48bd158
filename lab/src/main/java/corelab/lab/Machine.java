package corelab.lab;

import corelab.modes.process.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine a lab runs on, as its first cell shows it: every figure a lab expects depends on the
 * cores the server and the load generator share, so a class reads them here rather than in Markdown
 * written for someone else's laptop.
 *
 * @param cores          processors the JVM may use ({@link Runtime#availableProcessors()}: the affinity mask,
 *                       and a cgroup's CPU quota where one is set)
 * @param onlineCpus     logical CPUs the kernel has online
 * @param threadsPerCore hardware threads per core (2 or more: SMT, where two "cores" share one core's units);
 *                       0 when the kernel does not say
 * @param cpuQuota       the cgroup's CPU quota in cores, empty when there is none
 * @param jdk            the JDK that runs the labs
 * @param tools          each optional program the labs use, with its version or how to install it
 */
public record Machine(int cores, int onlineCpus, int threadsPerCore, Optional<Double> cpuQuota, String jdk,
                      Map<String, String> tools) {
    private static final Path SIBLINGS = Path.of("/sys/devices/system/cpu/cpu0/topology/thread_siblings_list");
    private static final Path CGROUP_V2_QUOTA = Path.of("/sys/fs/cgroup/cpu.max");
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");
    private static final long VERSION_TIMEOUT_SECONDS = 5;

    /** The program, the argument that prints its version, and the Debian line that installs it. */
    private record Tool(String program, String versionFlag, String install, String usedBy) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool("nginx", "-v", "sudo apt-get install nginx", "Lab 06, -Dbalance=nginx"),
            new Tool("redis-server", "--version", "sudo apt-get install redis-server", "Lab 04, -Dcounter=redis"),
            new Tool("node", "--version", "sudo apt-get install nodejs npm", "the node modes"));

    public Machine {
        tools = Collections.unmodifiableMap(new LinkedHashMap<>(tools)); // in the order the labs use them
    }

    /** This machine, now. */
    public static Machine probe() {
        Map<String, String> tools = new LinkedHashMap<>();
        for (Tool tool : TOOLS) {
            tools.put(tool.program(), ChildProcess.find(tool.program()).map(path -> version(path, tool.versionFlag()))
                    .orElse("not installed (" + tool.usedBy() + " need it: " + tool.install() + ")"));
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), count(read(ONLINE)), count(read(SIBLINGS)),
                quota(read(CGROUP_V2_QUOTA)), Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                tools);
    }

    /**
     * A cgroup v2 {@code cpu.max} line, "quota period" in microseconds, as cores; empty for "max" (no
     * quota) or when the file is missing.
     */
    static Optional<Double> quota(String cpuMax) {
        String[] parts = cpuMax.strip().split("\\s+");
        if (parts.length != 2 || parts[0].equals("max")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How many CPUs a kernel CPU list names: "0-3,8" is five; 0 for an empty or unreadable list. */
    static int count(String cpuList) {
        int count = 0;
        for (String range : cpuList.strip().split(",")) {
            if (range.isBlank()) {
                continue;
            }
            String[] ends = range.split("-");
            try {
                count += ends.length == 1 ? 1 : Integer.parseInt(ends[1].strip()) - Integer.parseInt(ends[0].strip()) + 1;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add("cores the JVM may use: " + cores + " (of " + onlineCpus + " logical CPUs online)");
        lines.add("hardware threads per core: " + (threadsPerCore == 0 ? "unknown"
                : threadsPerCore + (threadsPerCore > 1 ? " (SMT: two logical CPUs of one core share its units,"
                + " so they do not add up to two cores)" : " (no SMT)")));
        lines.add("CPU quota (cgroup): " + cpuQuota.map(q -> String.format(Locale.ROOT, "%.2f cores", q))
                .orElse("none"));
        lines.add("JDK: " + jdk);
        tools.forEach((program, version) -> lines.add(program + ": " + version));
        lines.add("The server and the load generator share these " + cores + " cores in every lab.");
        return String.join("\n", lines);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static String version(Path program, String flag) {
        try {
            Process process = new ProcessBuilder(program.toString(), flag).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return program + " (its version did not come within " + VERSION_TIMEOUT_SECONDS + " s)";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return out.lines().findFirst().orElse(program.toString());
        } catch (IOException e) {
            return program + " (cannot run it: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return program + " (interrupted)";
        }
    }
}
