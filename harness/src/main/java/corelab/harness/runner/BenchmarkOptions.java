package corelab.harness.runner;

import corelab.harness.load.LoadModel;
import corelab.modes.Balance;
import corelab.modes.Mode;
import corelab.modes.OptionException;
import corelab.modes.OptionSpec;
import corelab.modes.ServerOptions;
import corelab.modes.counter.CounterStore;
import corelab.modes.counter.RedisServer;
import corelab.workloads.Workload;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a measured run needs, read once and validated here; the runner trusts it.
 * List options ({@code -Dconcurrency=1,16,64}) are swept: every combination is measured.
 * The defaults live in {@link #SPECS} and nowhere else; they make the lab's main job: every
 * mode on hello, cpu and io, in about four minutes on a 2-core machine.
 */
public record BenchmarkOptions(List<Mode> modes, List<Workload> workloads, LoadModel loadModel,
                               List<Integer> concurrency, List<Double> rates, List<Integer> threads,
                               List<Integer> workers, List<Integer> cpuIterations, List<Integer> cores,
                               List<CounterStore> counters, int warmupSeconds, int trialSeconds, int trials, int loadThreads,
                               int requestTimeoutMillis, int requestsPerConnection,
                               double maxGeneratorUtilization, double maxErrorPercent, URI target, String serverCmd, Path resultsDir, ServerOptions server,
                               List<Balance> balances, List<Fault> faults) {

    public static final List<OptionSpec> SPECS = List.of(
            new OptionSpec("mode", "all", "modes to measure, a list or all: " + Mode.words()),
            new OptionSpec("workload", "hello,cpu,io", "workloads, a list: " + Workload.words()),
            new OptionSpec("load", "closed", "load model: closed (C connections, next request when the answer"
                    + " comes) or open (a fixed rate, wrk2-style, latency from when each request was due)"),
            new OptionSpec("concurrency", "64", "connections the load generator keeps open, a list to sweep"),
            new OptionSpec("rate", "", "open load only: requests per second in total, a list to sweep (required)"),
            new OptionSpec("threads", "200", "platform: pool sizes, a list to sweep"),
            new OptionSpec("workers", Integer.toString(ServerOptions.CORES), "cluster: worker processes, a list to sweep"),
            new OptionSpec("balance", "kernel", "cluster: how connections reach the workers, a list to sweep: kernel"
                    + " (SO_REUSEPORT), proxy (the primary forwards round-robin), nginx (apt-get install nginx)"),
            new OptionSpec("cpuIterations", "250000", "cpu and mixed: kernel steps per request, a list to sweep"),
            new OptionSpec("counter", "local", "counter workload: where the count lives, a list to sweep: "
                    + CounterStore.words() + " (primary: cluster only)"),
            new OptionSpec("cores", "0", "CPUs the server may use (taskset), a list to sweep; 0: all"),
            new OptionSpec("warmupSeconds", "4", "load before each configuration's trials, never measured;"
                    + " it goes on (up to 8 s more) until 3 seconds in a row agree within 10%"),
            new OptionSpec("trialSeconds", "2", "length of each measured trial"),
            new OptionSpec("trials", "5", "measured trials per configuration (3 or more for a confidence interval)"),
            new OptionSpec("loadThreads", "1", "threads of the load generator"),
            new OptionSpec("requestTimeoutMillis", "10000", "a request unanswered this long counts as a timeout"),
            new OptionSpec("requestsPerConnection", "0", "after this many answers a connection is closed and a new one"
                    + " opened (as browsers and client pools do); 0: keep each connection for the whole run, as wrk does"),
            new OptionSpec("maxGeneratorUtilization", "0.9",
                    "a trial whose load generator used more of its CPU than this is invalid (saturated)"),
            new OptionSpec("maxErrorPercent", "1", "a configuration with more failed requests than this is invalid"),
            new OptionSpec("target", "", "drive load at a server corelab did not start, http://host:port"),
            new OptionSpec("allowRemoteTarget", "false",
                    "let -Dtarget name a non-loopback address (only with the owner's consent)"),
            new OptionSpec("serverCmd", "", "start this command as the server; {port} is replaced by a free port"),
            new OptionSpec("fault", "none", "a fault fired once into each configuration's measured window,"
                    + " kill-worker@10s or kill-server@10s, a list (each mode gets the ones that apply); the window"
                    + " is then one run of trials x trialSeconds, sampled every 100 ms, one observation: no CI"),
            new OptionSpec("resultsDir", "results", "where each run's results folder is made"),
            new OptionSpec("workerMode", "single", "cluster: the in-process mode each worker runs"),
            new OptionSpec("offloadThreads", Integer.toString(ServerOptions.CORES), "offload: CPU worker threads"),
            new OptionSpec("backendDelayMillis", "20", "io and mixed: how long the backend waits before answering"),
            new OptionSpec("host", "127.0.0.1", "the loopback address servers listen on"));

    public BenchmarkOptions {
        modes = List.copyOf(modes);
        workloads = List.copyOf(workloads);
        concurrency = List.copyOf(concurrency);
        rates = List.copyOf(rates);
        threads = List.copyOf(threads);
        workers = List.copyOf(workers);
        cpuIterations = List.copyOf(cpuIterations);
        cores = List.copyOf(cores);
        counters = List.copyOf(counters);
        balances = List.copyOf(balances);
        faults = List.copyOf(faults);
    }

    /** How long a fault run's measured window lasts: the trials' time, back to back, as one observation. */
    public int faultWindowSeconds() {
        return trials * trialSeconds;
    }

    public static BenchmarkOptions defaults() {
        return parse(Map.of());
    }

    public static BenchmarkOptions parse(Map<String, String> given) {
        OptionSpec.checkKnown(given, SPECS);
        Map<String, String> v = new LinkedHashMap<>();
        SPECS.forEach(spec -> v.put(spec.name(), given.getOrDefault(spec.name(), spec.defaultValue()).strip()));

        List<Mode> modes = v.get("mode").equals("all") ? List.of(Mode.values())
                : list("mode", v.get("mode"), word -> Mode.fromWord(word));
        List<Workload> workloads = list("workload", v.get("workload"), Workload::fromWord);
        LoadModel load = one("load", v.get("load"), LoadModel::fromWord);
        List<Integer> concurrency = ints("concurrency", v.get("concurrency"), 1, 100_000);
        List<Double> rates = v.get("rate").isEmpty() ? List.of()
                : list("rate", v.get("rate"), text -> positive("rate", text));
        if (load == LoadModel.OPEN && rates.isEmpty()) {
            throw new OptionException("the open load model needs a rate: -Drate=1000 (requests per second; a list sweeps)");
        }
        if (load == LoadModel.CLOSED && !rates.isEmpty()) {
            throw new OptionException("-Drate applies only to the open load model: add -Dload=open, or drop -Drate");
        }
        List<Integer> cores = ints("cores", v.get("cores"), 0, ServerOptions.CORES);
        List<CounterStore> counters = list("counter", v.get("counter"), CounterStore::fromWord);
        if (workloads.contains(Workload.COUNTER)) {
            for (Mode mode : modes) {
                // a mode none of whose counter stores applies is a mistake; one that has some just skips the rest
                if (counters.stream().noneMatch(store -> Plan.applies(mode, store))) {
                    ServerOptions.checkCounter(mode, counters.get(0));
                }
            }
        }
        int trials = OptionSpec.parseInt("trials", v.get("trials"), 1, 1000);
        int loadThreads = OptionSpec.parseInt("loadThreads", v.get("loadThreads"), 1, 64);
        if (concurrency.stream().anyMatch(c -> c < loadThreads)) {
            throw new OptionException("every concurrency must be at least loadThreads (" + loadThreads + ")");
        }
        URI target = v.get("target").isEmpty() ? null
                : target(v.get("target"), OptionSpec.parseBoolean("allowRemoteTarget", v.get("allowRemoteTarget")));
        String serverCmd = v.get("serverCmd").isEmpty() ? null : v.get("serverCmd");
        if (target != null && serverCmd != null) {
            throw new OptionException("give -Dtarget or -DserverCmd, not both");
        }
        if (serverCmd != null && !serverCmd.contains("{port}")) {
            throw new OptionException("-DserverCmd must contain {port}, where corelab puts the port the server"
                    + " must listen on, e.g. -DserverCmd=\"node cluster.js {port}\"");
        }
        if (workloads.contains(Workload.COUNTER) && counters.contains(CounterStore.REDIS) && target == null
                && serverCmd == null && RedisServer.installed().isEmpty()) {
            throw new OptionException(RedisServer.notInstalled());
        }
        int trialSeconds = OptionSpec.parseInt("trialSeconds", v.get("trialSeconds"), 1, 3600);
        List<Fault> faults = faults(v.get("fault"), modes, trials * trialSeconds, target != null || serverCmd != null);
        Map<String, String> server = new LinkedHashMap<>();
        for (String name : List.of("workerMode", "offloadThreads", "backendDelayMillis", "host")) {
            server.put(name, v.get(name));
        }
        return new BenchmarkOptions(modes, workloads, load, concurrency, rates,
                ints("threads", v.get("threads"), 1, 100_000), ints("workers", v.get("workers"), 1, 256),
                ints("cpuIterations", v.get("cpuIterations"), 0, 1_000_000_000), cores, counters,
                OptionSpec.parseInt("warmupSeconds", v.get("warmupSeconds"), 0, 3600),
                trialSeconds, trials, loadThreads,
                OptionSpec.parseInt("requestTimeoutMillis", v.get("requestTimeoutMillis"), 1, 600_000),
                OptionSpec.parseInt("requestsPerConnection", v.get("requestsPerConnection"), 0, Integer.MAX_VALUE),
                fraction("maxGeneratorUtilization", v.get("maxGeneratorUtilization")),
                percent("maxErrorPercent", v.get("maxErrorPercent")),
                target, serverCmd, Path.of(v.get("resultsDir")), ServerOptions.parse(server),
                list("balance", v.get("balance"), Balance::fromWord), faults);
    }

    /** The options as given and defaulted, for the results' provenance. */
    public static Map<String, String> resolvedText(Map<String, String> given) {
        Map<String, String> resolved = new LinkedHashMap<>();
        SPECS.forEach(spec -> resolved.put(spec.name(), given.getOrDefault(spec.name(), spec.defaultValue())));
        return resolved;
    }

    /**
     * The fault list, checked against the plan: each fires inside the window, only at a
     * server corelab started (it must be able to kill and restart it), and every mode gets
     * at least one fault that applies to it (an in-process mode has no worker to kill).
     */
    private static List<Fault> faults(String text, List<Mode> modes, int windowSeconds, boolean foreignServer) {
        if (text.equals("none")) {
            return List.of();
        }
        List<Fault> faults = list("fault", text, Fault::parse);
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
            if (faults.stream().noneMatch(fault -> applies(fault, mode))) {
                String at = faults.get(0).word().substring(faults.get(0).word().indexOf('@'));
                throw new OptionException("fault: " + mode.word() + " runs in one process and has no worker to kill"
                        + " (kill-worker applies only to cluster); add a kill-server for it, e.g. -Dfault=" + text
                        + ",kill-server" + at + " (each mode gets the faults that apply), or leave " + mode.word() + " out");
            }
        }
        return faults;
    }

    /** Whether {@code fault} can be fired at {@code mode}: kill-worker needs workers. */
    static boolean applies(Fault fault, Mode mode) {
        return fault.kind() != Fault.Kind.KILL_WORKER || mode == Mode.CLUSTER;
    }

    private static <T> List<T> list(String name, String text, Function<String, T> parse) {
        if (text.isEmpty()) {
            throw new OptionException(name + " must not be empty");
        }
        List<T> values = new ArrayList<>();
        for (String item : text.split(",")) {
            try {
                T value = parse.apply(item.strip());
                if (!values.contains(value)) {
                    values.add(value);
                }
            } catch (OptionException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new OptionException(name + ": " + e.getMessage());
            }
        }
        return values;
    }

    private static <T> T one(String name, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new OptionException(name + ": " + e.getMessage());
        }
    }

    private static List<Integer> ints(String name, String text, int min, int max) {
        return list(name, text, item -> OptionSpec.parseInt(name, item, min, max));
    }

    private static double positive(String name, String text) {
        double value = number(name, text);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new OptionException(name + " must be a number above 0, was '" + text + "'");
        }
        return value;
    }

    private static double fraction(String name, String text) {
        double value = number(name, text);
        if (!(value > 0 && value <= 1)) {
            throw new OptionException(name + " must be a number above 0 and at most 1, was '" + text + "'");
        }
        return value;
    }

    private static double percent(String name, String text) {
        double value = number(name, text);
        if (!(value >= 0 && value <= 100)) {
            throw new OptionException(name + " must be a number from 0 to 100, was '" + text + "'");
        }
        return value;
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new OptionException(name + " must be a number, was '" + text + "'");
        }
    }

    private static URI target(String text, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new OptionException("-Dtarget must look like http://127.0.0.1:8080, was '" + text + "'");
        }
        if (!allowRemote) {
            try {
                if (!java.net.InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                    throw new OptionException("-Dtarget " + text + " is not a loopback address; corelab loads other"
                            + " machines only with -DallowRemoteTarget=true (and their owner's consent)");
                }
            } catch (java.net.UnknownHostException e) {
                throw new OptionException("-Dtarget: unknown host '" + uri.getHost() + "'");
            }
        }
        return uri;
    }
}
