package corelab.workloads;


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

    /**
     * True when a client can work out the whole answer before it asks. A counter's value
     * depends on every request before it, so the client checks its form instead (a positive
     * count, see {@link WorkloadRequest#countIn}) and what the values add up to.
     */
    public boolean hasExactAnswer() {
        return this != COUNTER;
    }

    public String path() {
        return "/" + word;
    }

    public static Workload fromWord(String word) {
        return CommandWord.fromWord(Workload.class, "workload", word);
    }

    public static String words() {
        return CommandWord.words(Workload.class);
    }
}
