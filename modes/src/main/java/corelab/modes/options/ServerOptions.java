package corelab.modes.options;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.modes.http.HttpLimits;
import corelab.workloads.WorkloadSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything that defines one server: each option declared once below (its default, range,
 * help and modes), read once from {@code -D} properties or {@code key=value} arguments,
 * validated here, and trusted everywhere after. Inside a JVM it is typed and changed with
 * withers; it becomes text only where it crosses into another JVM ({@link #toArgs()},
 * {@link #fromArgs}).
 */
public record ServerOptions(Mode mode, Mode workerMode, String host, int port, int threads, int workers,
                            int offloadThreads, WorkloadSettings workloads, int backendPort, HttpLimits limits,
                            int statsIntervalMillis, boolean crashEndpoints, String crashSecret, Balance balance,
                            int maxRestarts,
                            int minUptimeMillis, int restartDelayMillis, CounterStore counter, int redisPort,
                            List<String> workerJvmFlags, int shutdownGraceMillis, boolean failAtStart) {

    public static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The longest wait before restarting a crashed worker: restart delays double up to here (pm2 has no cap). */
    public static final int MAX_RESTART_DELAY_MILLIS = 10_000;

    public static final Option<Mode> MODE = Option.of("mode", ValueType.word(Mode::fromWord), Mode.SINGLE,
            "the concurrency mode: " + Mode.words());
    public static final Option<Mode> WORKER_MODE = Option.of("workerMode", ValueType.word(Mode::fromWord), Mode.SINGLE,
            "the in-process mode each worker runs").onlyIn(Mode.CLUSTER);
    public static final Option<String> HOST = Option.of("host", ValueType.text(true), "127.0.0.1",
            "the address to listen on (loopback unless you mean it)");
    public static final Option<Integer> PORT = Option.of("port", wholeNumber(0, 65535), 8080,
            "the port to listen on; 0 picks a free one");
    public static final Option<Integer> THREADS = Option.of("threads", wholeNumber(1, 100_000), 200,
            "the pool size: connections served at once (platform), requests served at once (poller, as Tomcat's"
                    + " maxThreads, default 200)").onlyIn(Mode.PLATFORM, Mode.POLLER);
    public static final Option<Integer> WORKERS = Option.of("workers", wholeNumber(1, 256), CORES,
            "worker processes (default: one per core)").onlyIn(Mode.CLUSTER, Mode.NODE_CLUSTER, Mode.NODE_PM2);
    public static final Option<Integer> OFFLOAD_THREADS = Option.of("offloadThreads", wholeNumber(1, 10_000), CORES,
            "CPU worker threads (default: one per core)").onlyIn(Mode.OFFLOAD);
    public static final Option<Integer> CPU_ITERATIONS = Option.of("cpuIterations",
            wholeNumber(0, WorkloadSettings.MAX_CPU_ITERATIONS), WorkloadSettings.DEFAULT_CPU_ITERATIONS,
            "cpu and mixed workloads: kernel steps per request (about 1 ms)");
    public static final Option<Integer> BACKEND_DELAY_MILLIS = Option.of("backendDelayMillis",
            wholeNumber(0, WorkloadSettings.MAX_BACKEND_DELAY_MILLIS), WorkloadSettings.DEFAULT_BACKEND_DELAY_MILLIS,
            "io and mixed workloads: how long the backend waits before answering");
    public static final Option<Integer> BACKEND_PORT = Option.of("backendPort", wholeNumber(0, 65535), 0,
            "io and mixed workloads: port of a running backend on 127.0.0.1; 0 starts one there");
    public static final Option<Integer> MAX_HEADER_BYTES = Option.of("maxHeaderBytes", wholeNumber(64, 1 << 20),
            HttpLimits.DEFAULTS.maxHeaderBytes(), "longest request line and headers; longer: 431 (a request line alone: 414)");
    public static final Option<Integer> MAX_BODY_BYTES = Option.of("maxBodyBytes", wholeNumber(0, 64 << 20),
            HttpLimits.DEFAULTS.maxBodyBytes(), "largest request body; larger: 413");
    public static final Option<Integer> IDLE_TIMEOUT_MILLIS = Option.of("idleTimeoutMillis", wholeNumber(1, 3_600_000),
            HttpLimits.DEFAULTS.idleTimeoutMillis(), "a connection silent this long (between or inside requests) is closed");
    public static final Option<Integer> HEADER_TIMEOUT_MILLIS = Option.of("headerTimeoutMillis",
            wholeNumber(1, 3_600_000), HttpLimits.DEFAULTS.headerTimeoutMillis(),
            "a request's line and headers must all come within this of its first byte; later: 408 and close");
    public static final Option<Integer> BODY_TIMEOUT_MILLIS = Option.of("bodyTimeoutMillis",
            wholeNumber(1, 3_600_000), HttpLimits.DEFAULTS.bodyTimeoutMillis(),
            "a request's body must all come within this of its headers; later: 408 and close");
    public static final Option<Integer> SEND_TIMEOUT_MILLIS = Option.of("sendTimeoutMillis",
            wholeNumber(1, 3_600_000), HttpLimits.DEFAULTS.sendTimeoutMillis(),
            "a response the client has not read within this is dropped with its connection");
    public static final Option<Integer> MAX_CONNECTIONS = Option.of("maxConnections", wholeNumber(1, 1_000_000),
            HttpLimits.DEFAULTS.maxConnections(), "open connections per server (platform: at most its threads);"
                    + " a new one beyond it is closed at once");
    public static final Option<Boolean> CRASH_ENDPOINTS = Option.of("crashEndpoints", ValueType.flag(false), false,
            "serve /crash/throw (the handler throws) and /crash/exit (the process exits), for fault labs");
    public static final Option<String> CRASH_SECRET = Option.of("crashSecret", ValueType.text(false), "",
            "crashEndpoints=true: what /crash/* needs as ?secret=, so no web page can fire it blind;"
                    + " empty: a new one at each start, printed in the ready line");
    public static final Option<CounterStore> COUNTER = Option.of("counter", ValueType.word(CounterStore::fromWord),
            CounterStore.LOCAL, "counter workload: where the count lives: local (one per process: a cluster's workers"
                    + " diverge), primary (cluster only: the primary keeps it), redis (INCR in Redis)")
            .fitting((store, mode) -> mode.isNode() ? store == CounterStore.LOCAL
                            : store != CounterStore.PRIMARY || !mode.inProcess(),
                    (store, mode) -> mode.isNode() ? "mode=" + mode.word() + " keeps the count in a module-level"
                            + " variable, as the seeds do: counter=local only"
                            : "counter=primary keeps the count in a cluster's primary, and mode=" + mode.word()
                            + " has no primary: use mode=cluster, or counter=local (one process counts right by"
                            + " itself) or counter=redis");
    public static final Option<Integer> REDIS_PORT = Option.of("redisPort", wholeNumber(0, 65535), 0,
            "counter=redis: port of a running Redis on 127.0.0.1; 0 starts a redis-server there");
    public static final Option<Integer> STATS_INTERVAL_MILLIS = Option.of("statsIntervalMillis",
            wholeNumber(0, 3_600_000), 0, "print a corelab-stats line (requests handled so far) this often; 0: never");
    public static final Option<Balance> BALANCE = Option.of("balance", ValueType.word(Balance::fromWord), Balance.KERNEL,
            "how connections reach the workers: " + Arrays.stream(Balance.values())
                    .map(b -> b.word() + " (" + b.description() + ")").collect(Collectors.joining("; ")))
            .onlyIn(Mode.CLUSTER);
    // pm2's --max-restarts, --min-uptime and --exp-backoff-restart-delay
    public static final Option<Integer> MAX_RESTARTS = Option.of("maxRestarts", wholeNumber(0, 10_000), 10,
            "restarts in a row of workers that die within minUptimeMillis before the primary gives up (exit 3)")
            .onlyIn(Mode.CLUSTER);
    public static final Option<Integer> MIN_UPTIME_MILLIS = Option.of("minUptimeMillis", wholeNumber(0, 86_400_000),
            30_000, "a worker up this long counts as stable, which resets the restart count and delay")
            .onlyIn(Mode.CLUSTER);
    public static final Option<Integer> RESTART_DELAY_MILLIS = Option.of("restartDelayMillis",
            wholeNumber(1, MAX_RESTART_DELAY_MILLIS), 100, "wait before the first restart, doubled after each"
                    + " unstable one, up to " + MAX_RESTART_DELAY_MILLIS + " ms").onlyIn(Mode.CLUSTER);
    // The root JVM's flags are its launcher's to give; the workers' are the primary's, so it needs to be told them.
    public static final Option<List<String>> WORKER_JVM_FLAGS = Option.of("workerJvmFlags",
            ValueType.<List<String>>custom(ServerOptions::jvmFlags, flags -> String.join(" ", flags)), List.of(),
            "JVM flags every worker is started with, separated by spaces (a measured run gives them its"
                    + " -DserverJvmFlags, as it gives the primary)").onlyIn(Mode.CLUSTER);

    // What a server does when it is asked to stop (SIGTERM), and a fault to make its workers crash at start.
    public static final Option<Integer> SHUTDOWN_GRACE_MILLIS = Option.of("shutdownGraceMillis",
            wholeNumber(0, 600_000), 5_000, "on SIGTERM: stop accepting, let the requests in flight finish (answered"
                    + " with Connection: close), close idle connections, and exit once none is left or after this long");
    public static final Option<Boolean> FAIL_AT_START = Option.of("failAtStart", ValueType.flag(false), false,
            "exit with code 78 at once, as a process whose configuration became unreadable would (the crash-loop"
                    + " fault gives it to a cluster's new workers)");

    /** Every option with where the record keeps it, in the order of the help and of a server's arguments. */
    private static final List<Field<?>> FIELDS = List.of(
            new Field<>(MODE, ServerOptions::mode),
            new Field<>(WORKER_MODE, ServerOptions::workerMode),
            new Field<>(HOST, ServerOptions::host),
            new Field<>(PORT, ServerOptions::port),
            new Field<>(THREADS, ServerOptions::threads),
            new Field<>(WORKERS, ServerOptions::workers),
            new Field<>(OFFLOAD_THREADS, ServerOptions::offloadThreads),
            new Field<>(CPU_ITERATIONS, options -> options.workloads().cpuIterations()),
            new Field<>(BACKEND_DELAY_MILLIS, options -> options.workloads().backendDelayMillis()),
            new Field<>(BACKEND_PORT, ServerOptions::backendPort),
            new Field<>(MAX_HEADER_BYTES, options -> options.limits().maxHeaderBytes()),
            new Field<>(MAX_BODY_BYTES, options -> options.limits().maxBodyBytes()),
            new Field<>(IDLE_TIMEOUT_MILLIS, options -> options.limits().idleTimeoutMillis()),
            new Field<>(HEADER_TIMEOUT_MILLIS, options -> options.limits().headerTimeoutMillis()),
            new Field<>(BODY_TIMEOUT_MILLIS, options -> options.limits().bodyTimeoutMillis()),
            new Field<>(SEND_TIMEOUT_MILLIS, options -> options.limits().sendTimeoutMillis()),
            new Field<>(MAX_CONNECTIONS, options -> options.limits().maxConnections()),
            new Field<>(CRASH_ENDPOINTS, ServerOptions::crashEndpoints),
            new Field<>(CRASH_SECRET, ServerOptions::crashSecret),
            new Field<>(COUNTER, ServerOptions::counter),
            new Field<>(REDIS_PORT, ServerOptions::redisPort),
            new Field<>(STATS_INTERVAL_MILLIS, ServerOptions::statsIntervalMillis),
            new Field<>(BALANCE, ServerOptions::balance),
            new Field<>(MAX_RESTARTS, ServerOptions::maxRestarts),
            new Field<>(MIN_UPTIME_MILLIS, ServerOptions::minUptimeMillis),
            new Field<>(RESTART_DELAY_MILLIS, ServerOptions::restartDelayMillis),
            new Field<>(WORKER_JVM_FLAGS, ServerOptions::workerJvmFlags),
            new Field<>(SHUTDOWN_GRACE_MILLIS, ServerOptions::shutdownGraceMillis),
            new Field<>(FAIL_AT_START, ServerOptions::failAtStart));

    public static final OptionSet OPTIONS = new OptionSet(FIELDS.stream().<Option<?>>map(Field::option).toList());

    private static final ServerOptions DEFAULTS = of(OptionValues.none());

    /** Each value in its option's range, however the record was made (the workloads and limits check their own). */
    public ServerOptions {
        HOST.check(host);
        PORT.check(port);
        THREADS.check(threads);
        WORKERS.check(workers);
        OFFLOAD_THREADS.check(offloadThreads);
        BACKEND_PORT.check(backendPort);
        STATS_INTERVAL_MILLIS.check(statsIntervalMillis);
        MAX_RESTARTS.check(maxRestarts);
        MIN_UPTIME_MILLIS.check(minUptimeMillis);
        RESTART_DELAY_MILLIS.check(restartDelayMillis);
        REDIS_PORT.check(redisPort);
        SHUTDOWN_GRACE_MILLIS.check(shutdownGraceMillis);
        workerJvmFlags = List.copyOf(workerJvmFlags);
        if (!crashSecret.matches("[A-Za-z0-9_-]*")) { // it travels in a URL and in the ready line
            throw new OptionException("crashSecret: letters, digits, '-' and '_' only");
        }
        if (!workerMode.inProcess()) {
            throw new OptionException("workerMode must be an in-process mode (single, platform, virtual, offload), was "
                    + workerMode.word());
        }
    }

    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /** Parses {@code given} (names as in {@link #OPTIONS}); an unknown name or bad value throws {@link OptionException}. */
    public static ServerOptions parse(Map<String, String> given) {
        return of(OPTIONS.read(given));
    }

    /** The options a parent wrote with {@link #toArgs()}: {@code mode=cluster}, {@code port=0}, ... */
    public static ServerOptions fromArgs(List<String> args) {
        return parse(Arguments.parse(args));
    }

    /** Every option as a {@code name=value} argument, which {@link #fromArgs} reads back to an equal record. */
    public List<String> toArgs() {
        return Arguments.of(toMap());
    }

    /** The options as {@code name=value} text, which {@link #parse} reads back to an equal record. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        FIELDS.forEach(field -> map.put(field.option().name(), field.text(this)));
        return map;
    }

    /** A copy with {@code option} set to {@code value}, checked against its range like the command line's. */
    public <T> ServerOptions with(Option<T> option, T value) {
        if (!OPTIONS.contains(option.name())) {
            throw new IllegalArgumentException(option.name() + " is not a server option");
        }
        OptionValues values = OptionValues.none();
        for (Field<?> field : FIELDS) {
            values = field.copy(this, values);
        }
        return of(values.with(option, value));
    }

    public ServerOptions withMode(Mode newMode) {
        return with(MODE, newMode);
    }

    public ServerOptions withHost(String newHost) {
        return with(HOST, newHost);
    }

    public ServerOptions withPort(int newPort) {
        return with(PORT, newPort);
    }

    public ServerOptions withThreads(int newThreads) {
        return with(THREADS, newThreads);
    }

    public ServerOptions withWorkers(int newWorkers) {
        return with(WORKERS, newWorkers);
    }

    public ServerOptions withCpuIterations(int newCpuIterations) {
        return with(CPU_ITERATIONS, newCpuIterations);
    }

    public ServerOptions withBackendPort(int newBackendPort) {
        return with(BACKEND_PORT, newBackendPort);
    }

    public ServerOptions withCounter(CounterStore newCounter) {
        return with(COUNTER, newCounter);
    }

    public ServerOptions withRedisPort(int newRedisPort) {
        return with(REDIS_PORT, newRedisPort);
    }

    public ServerOptions withStatsIntervalMillis(int newStatsIntervalMillis) {
        return with(STATS_INTERVAL_MILLIS, newStatsIntervalMillis);
    }

    public ServerOptions withCrashSecret(String newCrashSecret) {
        return with(CRASH_SECRET, newCrashSecret);
    }

    public ServerOptions withBalance(Balance newBalance) {
        return with(BALANCE, newBalance);
    }

    public ServerOptions withWorkerJvmFlags(List<String> newWorkerJvmFlags) {
        return with(WORKER_JVM_FLAGS, List.copyOf(newWorkerJvmFlags));
    }

    /** {@code "-Xms64m  -Xmx64m"} as its flags; blank: none. */
    public static List<String> jvmFlags(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /**
     * Refuses a value this server's mode cannot serve ({@code counter=primary} without a
     * cluster). Checked where a server of its own starts, and not in the constructor: a
     * cluster's workers run an in-process mode with their primary's options.
     */
    public void checkFitsMode() {
        FIELDS.forEach(field -> field.checkFits(this));
    }

    private static ServerOptions of(OptionValues values) {
        try {
            return new ServerOptions(values.get(MODE), values.get(WORKER_MODE), values.get(HOST), values.get(PORT),
                    values.get(THREADS), values.get(WORKERS), values.get(OFFLOAD_THREADS),
                    new WorkloadSettings(values.get(CPU_ITERATIONS), values.get(BACKEND_DELAY_MILLIS)),
                    values.get(BACKEND_PORT),
                    new HttpLimits(values.get(MAX_HEADER_BYTES), values.get(MAX_BODY_BYTES),
                            values.get(IDLE_TIMEOUT_MILLIS), values.get(HEADER_TIMEOUT_MILLIS),
                            values.get(BODY_TIMEOUT_MILLIS), values.get(SEND_TIMEOUT_MILLIS),
                            values.get(MAX_CONNECTIONS)),
                    values.get(STATS_INTERVAL_MILLIS), values.get(CRASH_ENDPOINTS), values.get(CRASH_SECRET),
                    values.get(BALANCE),
                    values.get(MAX_RESTARTS), values.get(MIN_UPTIME_MILLIS), values.get(RESTART_DELAY_MILLIS),
                    values.get(COUNTER), values.get(REDIS_PORT), values.get(WORKER_JVM_FLAGS),
                    values.get(SHUTDOWN_GRACE_MILLIS), values.get(FAIL_AT_START));
        } catch (OptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage());
        }
    }

    /** An option and the record component (or the part of one) that holds it. */
    private record Field<T>(Option<T> option, Function<ServerOptions, T> get) {
        String text(ServerOptions options) {
            return option.text(get.apply(options));
        }

        OptionValues copy(ServerOptions from, OptionValues into) {
            return into.with(option, get.apply(from));
        }

        void checkFits(ServerOptions options) {
            option.checkFits(get.apply(options), options.mode());
        }
    }
}
