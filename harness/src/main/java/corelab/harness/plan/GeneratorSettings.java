package corelab.harness.plan;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.harness.load.LoadSpec;
import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;

/** How the load generator runs, and on which CPUs ({@link Pinning}), the same for every load point of a run. */
public record GeneratorSettings(int loadThreads, int requestTimeoutMillis, int requestsPerConnection,
                                Pinning pinning) {
    public static final Option<Integer> LOAD_THREADS = Option.of("loadThreads", wholeNumber(1, 64), 1,
            "threads of the load generator");
    public static final Option<Integer> REQUEST_TIMEOUT_MILLIS = Option.of("requestTimeoutMillis",
            wholeNumber(1, 600_000), 10_000, "a request unanswered this long counts as a timeout");
    public static final Option<Integer> REQUESTS_PER_CONNECTION = Option.of("requestsPerConnection",
            wholeNumber(0, Integer.MAX_VALUE), 0, "after this many answers a connection is closed and a new one"
                    + " opened (as browsers and client pools do); 0: keep each connection for the whole run, as wrk does");

    public GeneratorSettings {
        LOAD_THREADS.check(loadThreads);
        REQUEST_TIMEOUT_MILLIS.check(requestTimeoutMillis);
        REQUESTS_PER_CONNECTION.check(requestsPerConnection);
    }

    static GeneratorSettings read(OptionValues values) {
        // A server corelab does not start cannot be pinned apart from the generator: nothing is.
        Pinning pinning = values.get(BenchmarkOptions.TARGET) != null
                ? Pinning.none("the server is not one corelab starts (-D" + BenchmarkOptions.TARGET.name() + ")")
                : Pinning.read(values.get(Pinning.PIN), values.get(LOAD_THREADS), values.get(ServerSweep.CORES));
        return new GeneratorSettings(values.get(LOAD_THREADS), values.get(REQUEST_TIMEOUT_MILLIS),
                values.get(REQUESTS_PER_CONNECTION), pinning);
    }

    /** The load generator's orders for one load point. */
    public LoadSpec spec(LoadPoint point) {
        return new LoadSpec(point.model(), point.concurrency(), loadThreads, requestTimeoutMillis, requestsPerConnection,
                pinning.generatorCpus());
    }
}
