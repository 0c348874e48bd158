package corelab.harness.plan;

import corelab.modes.options.Mode;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole experiment, worked out from the options before anything starts: every
 * combination of the swept options, without the ones that make no difference (a thread
 * count sweep does not multiply the cluster's runs, a balance sweep only multiplies the cluster's).
 */
public record Plan(List<ServerPlan> servers, Durations durations) {

    public static Plan of(BenchmarkOptions options) {
        ServerSweep sweep = options.servers();
        List<LoadPoint> points = options.load().points();
        // A work size no workload asks for is not swept: the server gets the first one given.
        Sweep<Integer> iterations = new Sweep<>(ServerOptions.CPU_ITERATIONS,
                options.load().usesCpu() ? sweep.cpuIterations() : sweep.cpuIterations().subList(0, 1));
        List<ServerPlan> servers = new ArrayList<>();
        if (options.target() != null || options.serverCmd() != null) {
            // A foreign server must do the same work as corelab's, so the requests (and the
            // answers expected) follow -DcpuIterations here too.
            ServerPlan.Origin origin = options.target() != null ? ServerPlan.Origin.TARGET : ServerPlan.Origin.COMMAND;
            for (int cores : options.target() != null ? List.of(0) : sweep.cores()) {
                for (ServerOptions server : iterations.expand(sweep.base())) {
                    servers.add(new ServerPlan(origin, server, cores, points));
                }
            }
            return new Plan(servers, options.durations());
        }
        // Without the counter workload, where the count lives makes no difference: the server keeps its default.
        Sweep<?> counters = new Sweep<>(ServerOptions.COUNTER, options.load().workloads().contains(Workload.COUNTER)
                ? sweep.counters() : List.of(ServerOptions.COUNTER.defaultValue()));
        List<Sweep<?>> sweeps = List.of(new Sweep<>(ServerOptions.THREADS, sweep.threads()),
                new Sweep<>(ServerOptions.WORKERS, sweep.workers()), new Sweep<>(ServerOptions.BALANCE, sweep.balances()),
                iterations, counters);
        for (Mode mode : sweep.modes()) {
            List<LoadPoint> modePoints = withFaults(points, mode, options.faults());
            for (int cores : sweep.cores()) {
                for (ServerOptions server : Sweep.product(List.of(sweep.base().withMode(mode).withPort(0)), sweeps)) {
                    servers.add(new ServerPlan(ServerPlan.Origin.MODE, server, cores, modePoints));
                }
            }
        }
        return new Plan(servers, options.durations());
    }

    /** Without faults, the load points as they are; with faults, each point once per fault that applies to the mode. */
    private static List<LoadPoint> withFaults(List<LoadPoint> points, Mode mode, List<Fault> faults) {
        if (faults.isEmpty()) {
            return points;
        }
        List<LoadPoint> faulted = new ArrayList<>();
        for (LoadPoint point : points) {
            for (Fault fault : faults) {
                if (fault.appliesTo(mode)) {
                    faulted.add(point.withFault(fault));
                }
            }
        }
        return faulted;
    }

    boolean hasFaults() {
        return servers.stream().anyMatch(ServerPlan::hasFaults);
    }

    public int configurations() {
        return servers.stream().mapToInt(s -> s.loadPoints().size()).sum();
    }

    /**
     * Seconds of load the plan will drive, what the progress bar counts: in rounds, every configuration's
     * warmup once per server start and a re-warm before each trial; a fault run, its warmup and one window.
     */
    public long loadSeconds(Schedule schedule) {
        long inRounds = servers.stream().filter(s -> !s.hasFaults()).mapToLong(s -> s.loadPoints().size()).sum();
        long faultRuns = configurations() - inRounds;
        return inRounds * ((long) durations.warmupSeconds() * schedule.forks()
                + (long) durations.trials() * (schedule.rewarmSeconds() + durations.trialSeconds()))
                + faultRuns * durations.loadSeconds();
    }
}
