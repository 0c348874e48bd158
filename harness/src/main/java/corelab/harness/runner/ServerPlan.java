package corelab.harness.runner;

import corelab.modes.Balance;
import corelab.modes.Mode;
import corelab.modes.ServerOptions;
import corelab.modes.counter.CounterStore;
import java.util.List;

/**
 * One server to start (or reach) and the load points to measure against it, one after
 * another, so a server starts once per configuration of its own, not once per workload.
 * {@code mode} is null for a server corelab did not write ({@code -Dtarget}, {@code -DserverCmd});
 * {@code balance} is null but for a cluster; {@code counter}, where the count lives, is null
 * unless the {@code counter} workload runs.
 */
record ServerPlan(String label, Mode mode, ServerOptions options, Integer threads, Integer workers,
                  Balance balance, Integer cpuIterations, CounterStore counter, int cores, List<LoadPoint> loadPoints) {
    ServerPlan {
        loadPoints = List.copyOf(loadPoints);
    }

    /** Whether a load point fires a fault: then the server runs under a supervisor that can restart it. */
    boolean hasFaults() {
        return loadPoints.stream().anyMatch(point -> point.fault() != null);
    }

    /**
     * "cluster" for the kernel's balancing, "cluster-proxy" and "cluster-nginx" for the others:
     * the series name in the results and the report, so that a sweep of strategies gives
     * one series each.
     */
    static String label(Mode mode, Balance balance) {
        return balance == null || balance == Balance.KERNEL ? mode.word() : mode.word() + "-" + balance.word();
    }
}
