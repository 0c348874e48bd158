package corelab.harness.plan;

import corelab.modes.options.Balance;
import corelab.modes.options.CounterStore;
import corelab.modes.options.Mode;
import corelab.modes.options.Option;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import java.util.List;
import java.util.Locale;

/**
 * One server to start (or reach) and the load points to measure against it, one after
 * another, so a server starts once per configuration of its own, not once per workload.
 * What the results say was configured (a pool size only for the platform mode, a work size
 * only if a workload does CPU work, ...) is read from its options, so it cannot disagree with them.
 *
 * @param origin  who runs the server: one of corelab's modes, or a server corelab did not write
 * @param options the server's options; for a foreign server, only the work sizes its requests ask for
 * @param cores   CPUs the server may use; 0: all
 */
public record ServerPlan(Origin origin, ServerOptions options, int cores, List<LoadPoint> loadPoints) {
    /** Who runs the server. */
    public enum Origin {
        /** One of corelab's modes, started by the harness. */
        MODE,
        /** A server somewhere else ({@code -Dtarget}): only the load can see it. */
        TARGET,
        /** A command the harness starts ({@code -DserverCmd}). */
        COMMAND
    }

    public ServerPlan {
        loadPoints = List.copyOf(loadPoints);
    }

    /** Whether a load point fires a fault: then the server runs under a supervisor that can restart it. */
    public boolean hasFaults() {
        return loadPoints.stream().anyMatch(point -> point.fault() != null);
    }

    /** Whether a mode of this plan (Java or Node.js) calls the io backend; a foreign server brings its own, if any. */
    public boolean callsBackend() {
        return origin == Origin.MODE && loadPoints.stream().anyMatch(point -> point.workload().usesBackend());
    }

    /** The mode, or null for a server corelab did not write. */
    public Mode mode() {
        return origin == Origin.MODE ? options.mode() : null;
    }

    /**
     * "cluster" for the kernel's balancing, "cluster-shared", "cluster-rr" and so on for the others:
     * the series name in the results and the report, so that a sweep of strategies gives
     * one series each; "target" or "command" for a foreign server.
     */
    public String label() {
        if (origin != Origin.MODE) {
            return origin.name().toLowerCase(Locale.ROOT);
        }
        Balance balance = balance();
        return balance == null || balance == Balance.KERNEL ? options.mode().word()
                : options.mode().word() + "-" + balance.word();
    }

    /** The platform mode's pool size; null for every other server. */
    public Integer threads() {
        return ifApplies(ServerOptions.THREADS, options.threads());
    }

    /** A cluster's worker count; null for every other server. */
    public Integer workers() {
        return ifApplies(ServerOptions.WORKERS, options.workers());
    }

    /** A cluster's balancing; null for every other server. */
    public Balance balance() {
        return ifApplies(ServerOptions.BALANCE, options.balance());
    }

    /** The CPU kernel's size per request, if a workload of the run does CPU work; null otherwise. */
    public Integer cpuIterations() {
        return loadPoints.stream().anyMatch(point -> point.workload().usesCpu())
                ? options.workloads().cpuIterations() : null;
    }

    /** Where the count lives, if the counter workload runs against a corelab mode; null otherwise. */
    public CounterStore counter() {
        return loadPoints.stream().anyMatch(point -> point.workload() == Workload.COUNTER)
                ? ifApplies(ServerOptions.COUNTER, options.counter()) : null;
    }

    /** The backend's delay, for a corelab mode; a foreign server's own is unknown. */
    public Integer backendDelayMillis() {
        return origin == Origin.MODE ? options.workloads().backendDelayMillis() : null;
    }

    private <T> T ifApplies(Option<?> option, T value) {
        return origin == Origin.MODE && option.appliesTo(options.mode()) ? value : null;
    }
}
