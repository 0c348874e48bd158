package corelab.harness.runner;

import corelab.harness.load.LoadModel;
import corelab.modes.Balance;
import corelab.modes.Mode;
import corelab.modes.ServerOptions;
import corelab.modes.counter.CounterStore;
import corelab.workloads.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole experiment, worked out from the options before anything starts: every
 * combination of the swept options, without the ones that make no difference (a thread
 * count sweep does not multiply the cluster's runs, a balance sweep only multiplies the cluster's).
 */
record Plan(List<ServerPlan> servers, int warmupSeconds, int trials, int trialSeconds) {

    static Plan of(BenchmarkOptions options) {
        List<LoadPoint> loadPoints = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            for (int concurrency : options.concurrency()) {
                if (options.loadModel() == LoadModel.OPEN) {
                    for (double rate : options.rates()) {
                        loadPoints.add(new LoadPoint(workload, LoadModel.OPEN, concurrency, rate));
                    }
                } else {
                    loadPoints.add(new LoadPoint(workload, LoadModel.CLOSED, concurrency, Double.NaN));
                }
            }
        }
        boolean cpuMatters = options.workloads().stream().anyMatch(Workload::usesCpu);
        boolean counterMatters = options.workloads().contains(Workload.COUNTER);
        List<Integer> iterations = cpuMatters ? options.cpuIterations() : List.of(options.cpuIterations().get(0));
        List<ServerPlan> servers = new ArrayList<>();
        if (options.target() != null || options.serverCmd() != null) {
            // A foreign server must do the same work as corelab's, so the requests (and the
            // answers expected) follow -DcpuIterations here too.
            String label = options.target() != null ? "target" : "command";
            for (int cores : options.target() != null ? List.of(0) : options.cores()) {
                for (int cpuIterations : iterations) {
                    ServerOptions server = options.server().with("cpuIterations", Integer.toString(cpuIterations));
                    servers.add(new ServerPlan(label, null, server, null, null, null,
                            cpuMatters ? cpuIterations : null, null, cores, loadPoints));
                }
            }
        } else {
            List<Balance> noBalance = Collections.singletonList(null); // the in-process modes have none
            List<CounterStore> noCounter = List.of(CounterStore.LOCAL); // without the counter workload it does not matter
            for (Mode mode : options.modes()) {
                for (int cores : options.cores()) {
                    for (int threads : mode == Mode.PLATFORM ? options.threads() : List.of(-1)) {
                        for (int workers : mode == Mode.CLUSTER ? options.workers() : List.of(-1)) {
                            for (Balance balance : mode == Mode.CLUSTER ? options.balances() : noBalance) {
                                for (int cpuIterations : iterations) {
                                    for (CounterStore counter : counterMatters ? counters(mode, options) : noCounter) {
                                        ServerOptions server = options.server()
                                                .with("mode", mode.word())
                                                .with("port", "0")
                                                .with("cpuIterations", Integer.toString(cpuIterations))
                                                .with("counter", counter.word());
                                        if (threads > 0) {
                                            server = server.with("threads", Integer.toString(threads));
                                        }
                                        if (workers > 0) {
                                            server = server.with("workers", Integer.toString(workers));
                                        }
                                        if (balance != null) {
                                            server = server.with("balance", balance.word());
                                        }
                                        servers.add(new ServerPlan(ServerPlan.label(mode, balance), mode, server,
                                                threads > 0 ? threads : null, workers > 0 ? workers : null, balance,
                                                cpuMatters ? cpuIterations : null, counterMatters ? counter : null,
                                                cores, withFaults(loadPoints, mode, options)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Plan(servers, options.warmupSeconds(), options.trials(), options.trialSeconds());
    }

    /** The counter stores that apply to {@code mode}: {@code primary} only to a cluster, which has a primary. */
    private static List<CounterStore> counters(Mode mode, BenchmarkOptions options) {
        return options.counters().stream().filter(store -> applies(mode, store)).toList();
    }

    static boolean applies(Mode mode, CounterStore store) {
        return store != CounterStore.PRIMARY || mode == Mode.CLUSTER;
    }

    /** Without faults, the load points as they are; with faults, each point once per fault that applies to the mode. */
    private static List<LoadPoint> withFaults(List<LoadPoint> points, Mode mode, BenchmarkOptions options) {
        if (options.faults().isEmpty()) {
            return points;
        }
        List<LoadPoint> faulted = new ArrayList<>();
        for (LoadPoint point : points) {
            for (Fault fault : options.faults()) {
                if (BenchmarkOptions.applies(fault, mode)) {
                    faulted.add(point.withFault(fault));
                }
            }
        }
        return faulted;
    }

    boolean hasFaults() {
        return servers.stream().anyMatch(ServerPlan::hasFaults);
    }

    int configurations() {
        return servers.stream().mapToInt(s -> s.loadPoints().size()).sum();
    }

    /** Seconds of load the plan will drive: what the progress bar counts. */
    long loadSeconds() {
        return (long) configurations() * (warmupSeconds + (long) trials * trialSeconds);
    }
}
