package corelab.microbenchmarks;

import corelab.harness.server.ServerProcess;
import corelab.modes.options.Arguments;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionSet;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ServerOptions;
import corelab.modes.options.ValueType;
import corelab.results.AtomicFiles;
import corelab.results.stats.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    static final Option<Integer> STARTS = Option.of("starts",
            ValueType.wholeNumber(Estimate.MIN_TRIALS_FOR_ERROR, 100_000), 20, "timed starts (fewer give no interval)");
    static final Option<Integer> WARMUP_STARTS = Option.of("warmupStarts", ValueType.wholeNumber(0, 1000), 1,
            "starts run first and thrown away: the first reads its files from disk");
    static final Option<Path> OUTPUT = Option.of("output",
            ValueType.optional(ValueType.custom(Path::of, Path::toString)), null, "write the result here as JSON");
    private static final OptionSet OPTIONS = OptionSet.of(STARTS, WARMUP_STARTS, OUTPUT);

    private WorkerStartup() {
    }

    public static void main(String[] args) throws IOException {
        OptionValues options;
        int starts;
        int warmupStarts;
        try {
            options = OPTIONS.read(Arguments.parse(List.of(args)));
            starts = options.get(STARTS);
            warmupStarts = options.get(WARMUP_STARTS);
        } catch (OptionException e) {
            System.err.println("corelab: " + e.getMessage());
            System.exit(2);
            return;
        }
        WorkerStartupResult result = measure(warmupStarts, starts, System.out::println);
        System.out.println("worker JVM start to ready: " + result.millis().format("ms")
                + " (mean ± 95% CI, n = " + result.millis().n() + ")");
        Path output = options.get(OUTPUT);
        if (output != null) {
            AtomicFiles.write(output, result.toJson());
            System.out.println("written: " + output);
        }
    }

    /**
     * Starts {@code warmupStarts + starts} servers one after the other, each stopped before the
     * next, and returns the timings of the last {@code starts}.
     */
    static WorkerStartupResult measure(int warmupStarts, int starts, Consumer<String> log)
            throws IOException {
        ServerOptions options = ServerOptions.defaults().withPort(0); // mode=single, the default
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
}
