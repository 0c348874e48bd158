package corelab.modes;

import corelab.modes.cluster.RestartPolicy;
import corelab.modes.counter.CounterStore;
import corelab.modes.http.HttpLimits;
import corelab.workloads.WorkloadSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything that defines one server: read once from {@code -D} properties or
 * {@code key=value} arguments, validated here, and trusted everywhere after.
 * The defaults live in {@link #SPECS} and nowhere else.
 */
public record ServerOptions(Mode mode, Mode workerMode, String host, int port, int threads, int workers,
                            int offloadThreads, WorkloadSettings workloads, int backendPort, HttpLimits limits,
                            int statsIntervalMillis, boolean crashEndpoints, Balance balance, int maxRestarts,
                            int minUptimeMillis, int restartDelayMillis, CounterStore counter, int redisPort) {

    public static final int CORES = Runtime.getRuntime().availableProcessors();

    public static final List<OptionSpec> SPECS = List.of(
            new OptionSpec("mode", "single", "the concurrency mode: " + Mode.words()),
            new OptionSpec("workerMode", "single", "cluster only: the in-process mode each worker runs"),
            new OptionSpec("host", "127.0.0.1", "the address to listen on (loopback unless you mean it)"),
            new OptionSpec("port", "8080", "the port to listen on; 0 picks a free one"),
            new OptionSpec("threads", "200", "platform: the pool size (Tomcat's default maxThreads is 200)"),
            new OptionSpec("workers", Integer.toString(CORES), "cluster: worker processes (default: one per core)"),
            new OptionSpec("offloadThreads", Integer.toString(CORES), "offload: CPU worker threads (default: one per core)"),
            new OptionSpec("cpuIterations", Integer.toString(WorkloadSettings.DEFAULT_CPU_ITERATIONS),
                    "cpu and mixed: kernel steps per request (about 1 ms)"),
            new OptionSpec("backendDelayMillis", Integer.toString(WorkloadSettings.DEFAULT_BACKEND_DELAY_MILLIS),
                    "io and mixed: how long the backend waits before answering"),
            new OptionSpec("backendPort", "0", "io and mixed: port of a running backend on host; 0 starts one"),
            new OptionSpec("maxHeaderBytes", Integer.toString(HttpLimits.DEFAULTS.maxHeaderBytes()),
                    "longest request line and headers; longer: 431"),
            new OptionSpec("maxBodyBytes", Integer.toString(HttpLimits.DEFAULTS.maxBodyBytes()),
                    "largest request body; larger: 413"),
            new OptionSpec("idleTimeoutMillis", Integer.toString(HttpLimits.DEFAULTS.idleTimeoutMillis()),
                    "a connection silent this long (between or inside requests) is closed"),
            new OptionSpec("crashEndpoints", "false",
                    "serve /crash/throw (the handler throws) and /crash/exit (the process exits), for fault labs"),
            new OptionSpec("counter", "local", "counter workload: where the count lives: local (one per process: a"
                    + " cluster's workers diverge), primary (cluster only: the primary keeps it), redis (INCR in Redis)"),
            new OptionSpec("redisPort", "0", "counter=redis: port of a running Redis on host; 0 starts a redis-server"),
            new OptionSpec("statsIntervalMillis", "0",
                    "print a corelab-stats line (requests handled so far) this often; 0: never"),
            new OptionSpec("balance", "kernel", "cluster only: how connections reach the workers: "
                    + Arrays.stream(Balance.values()).map(b -> b.word() + " (" + b.description() + ")")
                    .collect(Collectors.joining("; "))),
            // pm2's --max-restarts, --min-uptime and --exp-backoff-restart-delay
            new OptionSpec("maxRestarts", Integer.toString(RestartPolicy.DEFAULT.maxUnstableRestarts()),
                    "cluster: restarts in a row of workers that die within minUptimeMillis before the primary gives up (exit 3)"),
            new OptionSpec("minUptimeMillis", Long.toString(RestartPolicy.DEFAULT.stablePeriod().toMillis()),
                    "cluster: a worker up this long counts as stable, which resets the restart count and delay"),
            new OptionSpec("restartDelayMillis", Long.toString(RestartPolicy.DEFAULT.firstDelay().toMillis()),
                    "cluster: wait before the first restart, doubled after each unstable one, up to "
                            + RestartPolicy.DEFAULT.maxDelay().toMillis() + " ms"));

    public ServerOptions {
        if (!workerMode.inProcess()) {
            throw new OptionException("workerMode must be an in-process mode (single, platform, virtual, offload), was cluster");
        }
    }

    /**
     * {@code counter=primary} keeps the count in a cluster's primary, so a server of its own
     * must be a cluster; checked where a server starts (and by the harness's plan), since a
     * cluster's workers run an in-process mode with the primary's options.
     */
    public static void checkCounter(Mode mode, CounterStore counter) {
        if (counter == CounterStore.PRIMARY && mode.inProcess()) {
            throw new OptionException("counter=primary keeps the count in a cluster's primary, and mode=" + mode.word()
                    + " has no primary: use mode=cluster, or counter=local (one process counts right by itself)"
                    + " or counter=redis");
        }
    }

    public static ServerOptions defaults() {
        return parse(Map.of());
    }

    /** Parses {@code given} (names as in {@link #SPECS}); an unknown name or bad value throws {@link OptionException}. */
    public static ServerOptions parse(Map<String, String> given) {
        OptionSpec.checkKnown(given, SPECS);
        Map<String, String> values = new LinkedHashMap<>();
        SPECS.forEach(spec -> values.put(spec.name(), given.getOrDefault(spec.name(), spec.defaultValue())));
        try {
            return new ServerOptions(
                    mode(values.get("mode"), "mode"),
                    mode(values.get("workerMode"), "workerMode"),
                    host(values.get("host")),
                    OptionSpec.parseInt("port", values.get("port"), 0, 65535),
                    OptionSpec.parseInt("threads", values.get("threads"), 1, 100_000),
                    OptionSpec.parseInt("workers", values.get("workers"), 1, 256),
                    OptionSpec.parseInt("offloadThreads", values.get("offloadThreads"), 1, 10_000),
                    new WorkloadSettings(
                            OptionSpec.parseInt("cpuIterations", values.get("cpuIterations"), 0, WorkloadSettings.MAX_CPU_ITERATIONS),
                            OptionSpec.parseInt("backendDelayMillis", values.get("backendDelayMillis"), 0,
                                    WorkloadSettings.MAX_BACKEND_DELAY_MILLIS)),
                    OptionSpec.parseInt("backendPort", values.get("backendPort"), 0, 65535),
                    new HttpLimits(
                            OptionSpec.parseInt("maxHeaderBytes", values.get("maxHeaderBytes"), 64, 1 << 20),
                            OptionSpec.parseInt("maxBodyBytes", values.get("maxBodyBytes"), 0, 64 << 20),
                            OptionSpec.parseInt("idleTimeoutMillis", values.get("idleTimeoutMillis"), 1, 3_600_000)),
                    OptionSpec.parseInt("statsIntervalMillis", values.get("statsIntervalMillis"), 0, 3_600_000),
                    OptionSpec.parseBoolean("crashEndpoints", values.get("crashEndpoints")),
                    balance(values.get("balance")),
                    OptionSpec.parseInt("maxRestarts", values.get("maxRestarts"), 0, 10_000),
                    OptionSpec.parseInt("minUptimeMillis", values.get("minUptimeMillis"), 0, 86_400_000),
                    OptionSpec.parseInt("restartDelayMillis", values.get("restartDelayMillis"), 1,
                            (int) RestartPolicy.DEFAULT.maxDelay().toMillis()),
                    counter(values.get("counter")),
                    OptionSpec.parseInt("redisPort", values.get("redisPort"), 0, 65535));
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage());
        }
    }

    /** The options as {@code name=value} text, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("mode", mode.word());
        map.put("workerMode", workerMode.word());
        map.put("host", host);
        map.put("port", Integer.toString(port));
        map.put("threads", Integer.toString(threads));
        map.put("workers", Integer.toString(workers));
        map.put("offloadThreads", Integer.toString(offloadThreads));
        map.put("cpuIterations", Integer.toString(workloads.cpuIterations()));
        map.put("backendDelayMillis", Integer.toString(workloads.backendDelayMillis()));
        map.put("backendPort", Integer.toString(backendPort));
        map.put("maxHeaderBytes", Integer.toString(limits.maxHeaderBytes()));
        map.put("maxBodyBytes", Integer.toString(limits.maxBodyBytes()));
        map.put("idleTimeoutMillis", Integer.toString(limits.idleTimeoutMillis()));
        map.put("statsIntervalMillis", Integer.toString(statsIntervalMillis));
        map.put("crashEndpoints", Boolean.toString(crashEndpoints));
        map.put("balance", balance.word());
        map.put("maxRestarts", Integer.toString(maxRestarts));
        map.put("minUptimeMillis", Integer.toString(minUptimeMillis));
        map.put("restartDelayMillis", Integer.toString(restartDelayMillis));
        map.put("counter", counter.word());
        map.put("redisPort", Integer.toString(redisPort));
        return map;
    }

    public ServerOptions withMode(Mode newMode) {
        return with("mode", newMode.word());
    }

    public ServerOptions withPort(int newPort) {
        return with("port", Integer.toString(newPort));
    }

    public ServerOptions withBackendPort(int newBackendPort) {
        return with("backendPort", Integer.toString(newBackendPort));
    }

    /** A copy with one option changed, validated like any other. */
    public ServerOptions with(String name, String value) {
        Map<String, String> map = toMap();
        map.put(name, value);
        return parse(map);
    }

    /** The cluster's restart policy: these options, and the default's cap on the delay. */
    public RestartPolicy restartPolicy() {
        return new RestartPolicy(Duration.ofMillis(restartDelayMillis), RestartPolicy.DEFAULT.maxDelay(),
                Duration.ofMillis(minUptimeMillis), maxRestarts);
    }

    private static Balance balance(String word) {
        try {
            return Balance.fromWord(word.strip());
        } catch (IllegalArgumentException e) {
            throw new OptionException("balance: " + e.getMessage());
        }
    }

    private static Mode mode(String word, String name) {
        try {
            return Mode.fromWord(word.strip());
        } catch (IllegalArgumentException e) {
            throw new OptionException(name + ": " + e.getMessage());
        }
    }

    private static CounterStore counter(String word) {
        try {
            return CounterStore.fromWord(word.strip());
        } catch (IllegalArgumentException e) {
            throw new OptionException("counter: " + e.getMessage());
        }
    }

    private static String host(String host) {
        if (host.isBlank()) {
            throw new OptionException("host must not be empty");
        }
        return host.strip();
    }
}
