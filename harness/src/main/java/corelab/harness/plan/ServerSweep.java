package corelab.harness.plan;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.modes.options.Balance;
import corelab.modes.options.CounterStore;
import corelab.modes.options.Mode;
import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ServerOptions;
import corelab.modes.options.ValueType;
import java.util.List;

/**
 * The servers a run measures, as a sweep over the server's own options: the lists given for
 * {@code mode}, {@code threads}, {@code workers}, {@code balance}, {@code cpuIterations} and
 * {@code counter} (each read through the server's declaration: the same name, range, default
 * and help), the CPUs each server may use, and the server options a run takes as one value
 * ({@code workerMode}, {@code offloadThreads}, {@code backendDelayMillis}, {@code host}) in {@code base}.
 */
public record ServerSweep(List<Mode> modes, List<Integer> cores, List<Integer> threads, List<Integer> workers,
                          List<Balance> balances, List<Integer> cpuIterations, List<CounterStore> counters,
                          ServerOptions base) {
    /**
     * The one default a measured run chooses differently from a server: a run compares modes,
     * so unless told otherwise it measures the five of the default run ({@code -Dmode=all}, see
     * {@link Mode#defaultRun()}: Java modes only, the Node.js modes when named); a server of its own
     * ({@code -Dserve=true}) starts the server's default, {@code single}.
     */
    public static final Option<List<Mode>> MODES =
            ServerOptions.MODE.sweptOrAll(Mode.defaultRun()).withDefault(Mode.defaultRun());
    public static final Option<List<Integer>> THREADS = ServerOptions.THREADS.swept();
    public static final Option<List<Integer>> WORKERS = ServerOptions.WORKERS.swept();
    public static final Option<List<Balance>> BALANCES = ServerOptions.BALANCE.swept();
    public static final Option<List<Integer>> CPU_ITERATIONS = ServerOptions.CPU_ITERATIONS.swept();
    public static final Option<List<CounterStore>> COUNTERS = ServerOptions.COUNTER.swept();
    /** Not a server option: {@code taskset} applies it from outside the server's JVM. */
    public static final Option<List<Integer>> CORES = Option.of("cores",
            ValueType.list(wholeNumber(0, ServerOptions.CORES), false), List.of(0),
            "CPUs the server may use (taskset), a list to sweep; 0: all");
    public ServerSweep {
        modes = MODES.check(modes);
        cores = CORES.check(cores);
        threads = THREADS.check(threads);
        workers = WORKERS.check(workers);
        balances = BALANCES.check(balances);
        cpuIterations = CPU_ITERATIONS.check(cpuIterations);
        counters = COUNTERS.check(counters);
    }

    static ServerSweep read(OptionValues values) {
        ServerOptions base = ServerOptions.defaults()
                .with(ServerOptions.WORKER_MODE, values.get(ServerOptions.WORKER_MODE))
                .with(ServerOptions.OFFLOAD_THREADS, values.get(ServerOptions.OFFLOAD_THREADS))
                .with(ServerOptions.BACKEND_DELAY_MILLIS, values.get(ServerOptions.BACKEND_DELAY_MILLIS))
                .withHost(values.get(ServerOptions.HOST))
                // How a cluster restarts its workers, and how long a server drains: the fault labs set them.
                .with(ServerOptions.RESTART_DELAY_MILLIS, values.get(ServerOptions.RESTART_DELAY_MILLIS))
                .with(ServerOptions.MAX_RESTARTS, values.get(ServerOptions.MAX_RESTARTS))
                .with(ServerOptions.MIN_UPTIME_MILLIS, values.get(ServerOptions.MIN_UPTIME_MILLIS))
                .with(ServerOptions.SHUTDOWN_GRACE_MILLIS, values.get(ServerOptions.SHUTDOWN_GRACE_MILLIS));
        return new ServerSweep(values.get(MODES), values.get(CORES), values.get(THREADS), values.get(WORKERS),
                values.get(BALANCES), values.get(CPU_ITERATIONS), values.get(COUNTERS), base);
    }
}
