package corelab.microbenchmarks;

import corelab.harness.server.ServerProcess;
import corelab.modes.ServerOptions;
import corelab.results.AtomicFiles;
import corelab.results.stats.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How long a new worker JVM takes from its launch to its {@code corelab-ready} line: what a
 * cluster pays for every worker when it starts, and again for every worker it restarts
 * (during which that worker's share of the connections waits or goes to the others).
 *
 * <p>Not JMH: the thing measured is a process, and JMH measures code inside one JVM. The
 * trap is the first start: it reads the JDK's files and corelab's jar from disk, and later
 * starts find them in the page cache, so it is run and thrown away ({@code warmupStarts}).
 * Each start is then timed the way the harness starts a mode ({@link ServerProcess}): the
 * same {@code java -cp ... corelab.modes.ServerMain} that a cluster primary starts for each
 * worker, here with {@code mode=single port=0}, from launch until the parent has read the
 * ready line; each server is stopped before the next starts, so no two JVMs compete for the
 * cores. The classes come from the one microbenchmarks jar, where a lab run's workers read
 * them from target/ folders and Maven's jars: close, not identical.
 *
 * <pre>java -cp microbenchmarks/target/microbenchmarks.jar corelab.microbenchmarks.WorkerStartup starts=20 output=results/jmh/worker-startup.json</pre>
 */
public final class WorkerStartup {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> DEFAULTS = Map.of("starts", "20", "warmupStarts", "1", "output", "");

    private WorkerStartup() {
    }

    public static void main(String[] args) throws IOException {
        int starts;
        int warmupStarts;
        Map<String, String> options;
        try {
            options = parse(args);
            starts = atLeast(options, "starts", Estimate.MIN_TRIALS_FOR_ERROR); // fewer give no interval
            warmupStarts = atLeast(options, "warmupStarts", 0);
        } catch (IllegalArgumentException e) {
            System.err.println("corelab: " + e.getMessage());
            System.exit(2);
            return;
        }
        WorkerStartupResult result = measure(warmupStarts, starts, System.out::println);
        System.out.println("worker JVM start to ready: " + result.millis().format("ms")
                + " (mean ± 95% CI, n = " + result.millis().n() + ")");
        String output = options.get("output");
        if (!output.isEmpty()) {
            AtomicFiles.write(Path.of(output), result.toJson());
            System.out.println("written: " + output);
        }
    }

    /**
     * Starts {@code warmupStarts + starts} servers one after the other, each stopped before the
     * next, and returns the timings of the last {@code starts}.
     */
    static WorkerStartupResult measure(int warmupStarts, int starts, Consumer<String> log)
            throws IOException {
        ServerOptions options = ServerOptions.parse(Map.of("mode", "single", "port", "0"));
        List<Double> millis = new ArrayList<>();
        List<String> command = List.of();
        for (int i = 0; i < warmupStarts + starts; i++) {
            long begin = System.nanoTime();
            try (ServerProcess server = ServerProcess.startMode(options, 0, List.of(), READY_TIMEOUT)) {
                double elapsedMillis = (System.nanoTime() - begin) / 1e6;
                if (i == 0) {
                    command = server.command();
                    log.accept("+ " + String.join(" ", command));
                }
                boolean warmup = i < warmupStarts;
                if (!warmup) {
                    millis.add(elapsedMillis);
                }
                log.accept(String.format(Locale.ROOT, "  start %d: %.1f ms%s", i + 1, elapsedMillis,
                        warmup ? " (warmup, not counted)" : ""));
            }
        }
        return new WorkerStartupResult(millis, command);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (eq <= 0 || !DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("arguments are name=value with a name among "
                        + new TreeSet<>(DEFAULTS.keySet()) + ", was '" + arg + "'");
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }

    private static int atLeast(Map<String, String> options, String name, int min) {
        String value = options.get(name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException(name + " must be a whole number >= " + min + ", was '" + value + "'");
    }
}
