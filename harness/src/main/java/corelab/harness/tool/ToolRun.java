package corelab.harness.tool;

import corelab.modes.process.ChildProcess;
import corelab.modes.process.LiveChildren;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of wrk or ab against a server on loopback, for a given number of connections and
 * seconds, closed load: each connection sends its next request when the answer comes. The tool
 * ends by itself when its time is up; it is registered with {@link LiveChildren} so that a
 * harness stopping early stops it too.
 */
public final class ToolRun {
    /**
     * ab with -t stops after 50,000 requests unless -n says more (its manual), and keeps 32 bytes
     * per request it may send: so a limit per second of run, above what one ab thread reaches on
     * loopback, and small enough for its memory.
     */
    private static final long AB_REQUESTS_PER_SECOND_LIMIT = 200_000L;
    private static final Duration SLACK = Duration.ofSeconds(30);
    static final int CPU_SAMPLE_MILLIS = 100;

    private ToolRun() {
    }

    /** Whether {@code generator}'s tool is installed: empty if so, or the one message with the install line. */
    public static Optional<String> missing(Generator generator) {
        return generator.program()
                .filter(program -> ChildProcess.find(program).isEmpty())
                .map(program -> "-Dgenerator=" + generator.word() + " needs " + program + ", which is not installed;"
                        + " on Debian 12: " + Generator.INSTALL_LINE);
    }

    /** The exact command, as the results record it; only against this machine (loopback, or every address). */
    public static List<String> command(Generator generator, InetSocketAddress server, String target, int connections,
                                       int threads, int seconds) {
        if (!server.getAddress().isLoopbackAddress() && !server.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException(generator.word() + " loads only a server on this machine, not " + server);
        }
        String url = "http://" + server.getAddress().getHostAddress() + ":" + server.getPort() + target;
        List<String> command = new ArrayList<>();
        switch (generator) {
            case WRK -> command.addAll(List.of("wrk", "-t" + Math.min(threads, connections), "-c" + connections,
                    "-d" + seconds + "s", "--latency", url));
            case AB, AB_K -> {
                command.addAll(List.of("ab", "-q", "-r", "-c", Integer.toString(connections), "-t",
                        Integer.toString(seconds), "-n", Long.toString(AB_REQUESTS_PER_SECOND_LIMIT * seconds)));
                if (generator == Generator.AB_K) {
                    command.add("-k");
                }
                command.add(url);
            }
            case CORELAB -> throw new IllegalArgumentException("corelab's own generator is not a tool to run");
        }
        return command;
    }

    /** A tool's figures and the CPU time it used, sampled every {@value #CPU_SAMPLE_MILLIS} ms while it ran. */
    public record Measured(ToolFigures figures, long cpuNanos) {
    }

    /** Runs {@code command} to its end and reads its figures. */
    public static Measured run(Generator generator, List<String> command, int seconds) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        LiveChildren.add(process, Duration.ofSeconds(2));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        long cpuNanos = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + SLACK.toSeconds());
        try {
            while (!process.waitFor(CPU_SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                // Read while it lives: an exited process's CPU time is gone with its /proc entry.
                cpuNanos = process.info().totalCpuDuration().map(Duration::toNanos).orElse(cpuNanos);
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish within " + (seconds + SLACK.toSeconds()) + " s");
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            LiveChildren.remove(process);
        }
        String text = output.join();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text.strip());
        }
        try {
            return new Measured(generator == Generator.WRK ? WrkOutput.parse(text) : AbOutput.parse(text), cpuNanos);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
