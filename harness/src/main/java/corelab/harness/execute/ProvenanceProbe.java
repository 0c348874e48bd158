package corelab.harness.execute;

import corelab.results.CorePinning;
import corelab.results.Provenance;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads where a run happens: JDK, JVM flags, OS, CPU, and the git commit of the code. */
final class ProvenanceProbe {
    private ProvenanceProbe() {
    }

    static Provenance probe(List<String> serverJvmFlags, String command, CorePinning pinning, String tcpMigrateReq) {
        return new Provenance(
                ProvenanceProbe.class.getPackage().getImplementationVersion() != null
                        ? ProvenanceProbe.class.getPackage().getImplementationVersion() : "development",
                gitCommit(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), System.getProperty("java.home"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), serverJvmFlags,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel(), command, pinning, tcpMigrateReq);
    }

    /** The commit, with "-dirty" when tracked files differ from it; "unknown" outside a git checkout. */
    static String gitCommit() {
        String commit = run("git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return "unknown";
        }
        String changes = run("git", "status", "--porcelain", "--untracked-files=no");
        return commit.strip() + (changes != null && !changes.isBlank() ? "-dirty" : "");
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or not readable
        }
        return "unknown";
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
