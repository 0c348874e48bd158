package corelab.harness.plan;

import corelab.harness.load.LoadModel;
import corelab.harness.tool.Generator;
import corelab.modes.NodeProgram;
import corelab.modes.counter.RedisServer;
import corelab.modes.options.CounterStore;
import corelab.modes.options.Mode;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionSet;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ServerOptions;
import corelab.modes.options.ValueType;
import corelab.workloads.Workload;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a measured run needs, read once and validated here; the runner trusts it. It is
 * composed of the server's options, swept ({@link ServerSweep}: {@code -Dthreads=8,200} measures
 * both), the load ({@link LoadSweep}), the generator, the durations and the validity thresholds,
 * and where the server is. Its defaults make the lab's main job: every mode on hello, cpu and
 * io: 270 s of load in shuffled rounds, about five minutes with the starts and the calibrations on a
 * 2-core machine (longer when warmups must stretch to reach a steady throughput).
 *
 * @param target    a server corelab did not start ({@code -Dtarget}), or null
 * @param serverCmd a command that starts the server ({@code -DserverCmd}), or null
 * @param profiling whether and how the servers are profiled during the trials ({@code -Dprofile})
 */
public record BenchmarkOptions(ServerSweep servers, LoadSweep load, GeneratorSettings generator, Durations durations,
                               Schedule schedule, Thresholds thresholds, URI target, String serverCmd, List<Fault> faults,
                               Path resultsDir, List<String> serverJvmFlags, Profiling profiling,
                               Integer tcpMigrateReq) {
    public static final Option<URI> TARGET = Option.of("target",
            ValueType.optional(ValueType.custom(BenchmarkOptions::target, URI::toString)), null,
            "drive load at a server corelab did not start, http://host:port");
    public static final Option<Boolean> ALLOW_REMOTE_TARGET = Option.of("allowRemoteTarget", ValueType.flag(false), false,
            "let -Dtarget name a non-loopback address (only with the owner's consent)");
    public static final Option<String> SERVER_CMD = Option.of("serverCmd", ValueType.optional(ValueType.text(true)), null,
            "start this command as the server; {port} is replaced by a free port");
    public static final Option<List<Fault>> FAULTS = Option.of("fault", ValueType.orWord("none", List.of(),
                    ValueType.list(ValueType.custom(Fault::parse, Fault::word), false)), List.of(),
            "a fault fired once into each configuration's measured window, kill-worker@10s, kill-server@10s or"
                    + " reload@10s (a cluster's rolling reload), a list"
                    + " (each mode gets the ones that apply); the window is then one run of trials x trialSeconds,"
                    + " sampled every 100 ms, one observation: no CI");
    public static final Option<String> SERVER_JVM_FLAGS = Option.of("serverJvmFlags",
            ValueType.optional(ValueType.text(true)), null,
            "flags for every server JVM corelab starts, a cluster's primary and each of its workers, e.g."
                    + " \"-Xms512m -Xmx512m\" (an equal heap for every mode); recorded in provenance");
    public static final Option<Path> RESULTS_DIR = Option.of("resultsDir", ValueType.custom(Path::of, Path::toString),
            Path.of("results"), "where each run's results folder is made");

    public static final Option<Integer> TCP_MIGRATE_REQ = Option.of("tcpMigrateReq",
            ValueType.optional(ValueType.wholeNumber(0, 1)), null, "Linux's net.ipv4.tcp_migrate_req for the run (root"
                    + " only): 1 hands the connections queued on a closing SO_REUSEPORT listener to a sibling, 0 resets"
                    + " them; empty leaves it as found; the value found is set back, and the one in effect recorded");

    /** Every option of a measured run, in the order {@code -Dhelp=true} lists them. */
    public static final OptionSet OPTIONS = OptionSet.of(ServerSweep.MODES, LoadSweep.WORKLOADS, LoadSweep.LOAD,
            LoadSweep.CONCURRENCY, LoadSweep.RATES, LoadSweep.GENERATORS, ServerSweep.THREADS, ServerSweep.WORKERS, ServerSweep.BALANCES,
            ServerSweep.CPU_ITERATIONS, ServerSweep.COUNTERS, ServerSweep.CORES, Durations.WARMUP_SECONDS,
            Durations.TRIAL_SECONDS, Durations.TRIALS, Schedule.SEED, Schedule.FORKS, Schedule.REWARM_SECONDS,
            GeneratorSettings.LOAD_THREADS, Pinning.PIN,
            GeneratorSettings.REQUEST_TIMEOUT_MILLIS, GeneratorSettings.REQUESTS_PER_CONNECTION,
            Thresholds.MAX_GENERATOR_UTILIZATION, Thresholds.MAX_ERROR_PERCENT, Thresholds.EQUIVALENCE_PERCENT,
            Thresholds.P99_TARGET_MILLIS,
            TARGET, ALLOW_REMOTE_TARGET,
            SERVER_CMD, FAULTS, Profiling.PROFILE, RESULTS_DIR, SERVER_JVM_FLAGS, ServerOptions.WORKER_MODE,
            ServerOptions.OFFLOAD_THREADS,
            ServerOptions.BACKEND_DELAY_MILLIS, ServerOptions.HOST, ServerOptions.RESTART_DELAY_MILLIS,
            ServerOptions.MAX_RESTARTS, ServerOptions.MIN_UPTIME_MILLIS, ServerOptions.SHUTDOWN_GRACE_MILLIS,
            TCP_MIGRATE_REQ);

    public BenchmarkOptions {
        faults = List.copyOf(faults);
        serverJvmFlags = List.copyOf(serverJvmFlags);
    }

    public static BenchmarkOptions defaults() {
        return parse(Map.of());
    }

    /** Reads the options, then checks them against each other: every refusal is one {@link OptionException}. */
    public static BenchmarkOptions parse(Map<String, String> given) {
        OptionValues values = OPTIONS.read(given);
        ServerSweep servers = ServerSweep.read(values);
        LoadSweep load = LoadSweep.read(values);
        GeneratorSettings generator = GeneratorSettings.read(values);
        if (load.concurrency().stream().anyMatch(c -> c < generator.loadThreads())) {
            throw new OptionException("every concurrency must be at least loadThreads (" + generator.loadThreads() + ")");
        }
        if (load.workloads().contains(Workload.COUNTER)) {
            for (Mode mode : servers.modes()) {
                // a mode none of whose counter stores fits is a mistake; one that has some just skips the rest
                if (servers.counters().stream().noneMatch(store -> ServerOptions.COUNTER.fits(store, mode))) {
                    ServerOptions.COUNTER.checkFits(servers.counters().get(0), mode);
                }
            }
        }
        URI target = values.get(TARGET);
        if (target != null && !values.get(ALLOW_REMOTE_TARGET)) {
            requireLoopback(target);
        }
        String serverCmd = values.get(SERVER_CMD);
        if (target != null && serverCmd != null) {
            throw new OptionException("give -Dtarget or -DserverCmd, not both");
        }
        if (serverCmd != null && !serverCmd.contains("{port}")) {
            throw new OptionException("-DserverCmd must contain {port}, where corelab puts the port the server"
                    + " must listen on, e.g. -DserverCmd=\"node cluster.js {port}\"");
        }
        if (load.workloads().contains(Workload.COUNTER) && servers.counters().contains(CounterStore.REDIS)
                && target == null && serverCmd == null && RedisServer.installed().isEmpty()) {
            throw new OptionException(RedisServer.notInstalled());
        }
        if (target == null && serverCmd == null) {
            servers.modes().stream().filter(Mode::isNode).map(NodeProgram::problem).flatMap(Optional::stream)
                    .findFirst().ifPresent(problem -> {
                        throw new OptionException(problem);
                    });
        }
        Durations durations = Durations.read(values);
        Schedule schedule = Schedule.read(values);
        if (schedule.forks() > durations.trials()) {
            throw new OptionException("-Dforks=" + schedule.forks() + " is more server starts than trials (-Dtrials="
                    + durations.trials() + "): each start needs at least one round of trials");
        }
        List<Fault> faults = checkFaults(values.get(FAULTS), servers.modes(), durations.faultWindowSeconds(),
                target != null || serverCmd != null);
        boolean tools = load.generators().stream().anyMatch(g -> g != Generator.CORELAB);
        if (tools && !faults.isEmpty()) {
            throw new OptionException("-Dfault runs under corelab's own generator, which counts every failed request;"
                    + " drop -Dgenerator=" + LoadSweep.GENERATORS.text(load.generators()) + " from a fault run");
        }
        if (tools && target != null) {
            requireLoopback(target); // wrk and ab load only a server on this machine's loopback
        }
        Thresholds thresholds = Thresholds.read(values);
        if (thresholds.p99TargetMillis() != null && (load.models().size() < 2 || !faults.isEmpty()
                || load.models().stream().anyMatch(model -> !(model instanceof LoadModel.Open)))) {
            throw new OptionException("-Dp99TargetMillis finds the highest rate each mode sustains with p99 under the"
                    + " target, so it needs open load swept over two rates or more, and no -Dfault: e.g. -Dload=open"
                    + " -Drate=500,1000,2000 -Dp99TargetMillis="
                    + Thresholds.P99_TARGET_MILLIS.text(thresholds.p99TargetMillis()));
        }
        Profiling profiling = Profiling.read(values);
        if (profiling.enabled() && (target != null || serverCmd != null || !faults.isEmpty())) {
            throw new OptionException("-Dprofile profiles the JVMs of a mode corelab starts, not a -Dtarget or a"
                    + " -DserverCmd, and not in a fault run (-Dfault)");
        }
        if (profiling.enabled() && servers.modes().stream().anyMatch(Mode::isNode)) {
            throw new OptionException("-Dprofile profiles corelab's JVMs; the Node.js modes ("
                    + servers.modes().stream().filter(Mode::isNode).map(Mode::word).toList()
                    + ") run no JVM: measure them in a run without -Dprofile");
        }
        return new BenchmarkOptions(servers, load, generator, durations, schedule, thresholds, target,
                serverCmd, faults, values.get(RESULTS_DIR), values.get(SERVER_JVM_FLAGS) == null ? List.of()
                        : ServerOptions.jvmFlags(values.get(SERVER_JVM_FLAGS)), profiling, values.get(TCP_MIGRATE_REQ));
    }

    /**
     * The fault list, checked against the plan: each fires inside the window, only at a
     * server corelab started (it must be able to kill and restart it), and every mode gets
     * at least one fault that applies to it (an in-process mode has no worker to kill).
     */
    private static List<Fault> checkFaults(List<Fault> faults, List<Mode> modes, int windowSeconds,
                                           boolean foreignServer) {
        if (faults.isEmpty()) {
            return faults;
        }
        if (foreignServer) {
            throw new OptionException("-Dfault needs a server corelab starts (a mode): it cannot kill or restart"
                    + " a -Dtarget or a -DserverCmd");
        }
        for (Fault fault : faults) {
            if (fault.atSeconds() >= windowSeconds) {
                throw new OptionException("fault " + fault.word() + " comes after the measured window ends: a fault run"
                        + " measures one window of trials x trialSeconds = " + windowSeconds + " s; fire it earlier"
                        + " or lengthen the window (e.g. -Dtrials=1 -DtrialSeconds=" + (2 * (int) Math.ceil(fault.atSeconds())) + ")");
            }
        }
        for (Mode mode : modes) {
            if (mode.isNode() && faults.stream().noneMatch(fault -> fault.appliesTo(mode))) {
                throw new OptionException("fault: mode=" + mode.word() + " takes kill-worker only (node-cluster and"
                        + " node-pm2, whose primary forks again); kill-server and stop-server restart corelab's Java"
                        + " modes only; stop-worker, reload and crash-loop are corelab's cluster's");
            }
            if (faults.stream().noneMatch(fault -> fault.appliesTo(mode))) {
                String at = faults.get(0).word().substring(faults.get(0).word().indexOf('@'));
                throw new OptionException("fault: " + mode.word() + " runs in one process and has no worker to kill"
                        + " (kill-worker applies only to cluster, node-cluster and node-pm2; stop-worker, reload and"
                        + " crash-loop only to cluster); add a kill-server or stop-server for it, e.g. -Dfault="
                        + FAULTS.text(faults) + ",kill-server" + at + " (each mode gets the faults that apply), or leave "
                        + mode.word() + " out");
            }
        }
        return faults;
    }

    private static URI target(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new OptionException("-Dtarget must look like http://127.0.0.1:8080, was '" + text + "'");
        }
        return uri;
    }

    private static void requireLoopback(URI target) {
        try {
            if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                throw new OptionException("-Dtarget " + target + " is not a loopback address; corelab loads other"
                        + " machines only with -DallowRemoteTarget=true (and their owner's consent)");
            }
        } catch (UnknownHostException e) {
            throw new OptionException("-Dtarget: unknown host '" + target.getHost() + "'");
        }
    }
}
