package corelab.workloads;

import static corelab.workloads.QueryParameter.DELAY_MILLIS;
import static corelab.workloads.QueryParameter.ITERATIONS;
import static corelab.workloads.QueryParameter.SEED;
import static corelab.workloads.QueryParameter.TOKEN;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The work a request asks for. Every mode serves the same workloads, so that the only
 * thing that differs between modes is how this work is scheduled; {@code counter} adds the
 * one thing that differs between threads and processes: state they share, or do not.
 */
public enum Workload implements CommandWord {
    HELLO("hello", "the control: a small constant answer and no work, so it measures the server and harness themselves"),
    CPU("cpu", "deterministic CPU-bound work of a given size (cpuIterations), with a checksum the client recomputes"),
    IO("io", "waits on a downstream backend over a loopback socket for backendDelayMillis, then answers"),
    MIXED("mixed", "both in one request: cpuIterations of CPU work, then one backend call of backendDelayMillis"),
    COUNTER("counter", "increments a counter and answers its value: shared state, kept where -Dcounter says");

    private static final Map<String, Workload> BY_PATH =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Workload::path, Function.identity()));

    private final String word;
    private final String description;

    Workload(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** The word used on the command line and as the request path ({@code /cpu}). */
    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }

    /** True for the workloads whose size is {@code cpuIterations}: {@code cpu} and {@code mixed}. */
    public boolean usesCpu() {
        return this == CPU || this == MIXED;
    }

    /** True for the workloads that call the io backend: {@code io} and {@code mixed}. */
    public boolean usesBackend() {
        return this == IO || this == MIXED;
    }

    /**
     * True when a client can work out the whole answer before it asks. A counter's value
     * depends on every request before it, so the client checks its form instead (a positive
     * count, see {@link WorkloadRequest#countIn}) and what the values add up to.
     */
    public boolean hasExactAnswer() {
        return this != COUNTER;
    }

    /** The request path: {@code /} and the word. */
    public String path() {
        return "/" + word;
    }

    /**
     * The route table's other column: the query parameters a request for this workload
     * carries, in the order {@link WorkloadRequest#target()} writes them. {@code hello} and
     * {@code counter} take none.
     */
    public List<QueryParameter> queryParameters() {
        return switch (this) {
            case HELLO, COUNTER -> List.of();
            case CPU -> List.of(SEED, ITERATIONS);
            case IO -> List.of(TOKEN, DELAY_MILLIS);
            case MIXED -> List.of(SEED, ITERATIONS, TOKEN, DELAY_MILLIS);
        };
    }

    /** The workload served at {@code path} ({@code /cpu}), if any: what a server routes by. */
    public static Optional<Workload> forPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Every workload's path, in declaration order: "/hello, /cpu, ...". */
    public static String paths() {
        return Arrays.stream(values()).map(Workload::path).collect(Collectors.joining(", "));
    }

    public static Workload fromWord(String word) {
        return CommandWord.fromWord(Workload.class, "workload", word);
    }

    public static String words() {
        return CommandWord.words(Workload.class);
    }
}
