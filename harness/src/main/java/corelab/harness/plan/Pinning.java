package corelab.harness.plan;

import corelab.harness.server.CoreSplit;
import corelab.harness.server.Cores;
import corelab.harness.server.CpuList;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.ValueType;
import corelab.results.CorePinning;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Where the load generator and the servers of a run may run, decided once: on disjoint CPUs
 * ({@link CoreSplit}: the generator the last ones, the server the first) from four CPUs up, unless
 * {@code -Dpin=false}; else they share every CPU, and the report reads hello by CPU per request.
 * Servers, and wrk or ab, are pinned by {@code taskset} as they start; corelab's generator threads pin
 * themselves as they start (sched_setaffinity), so the harness's other threads are not squeezed
 * onto the generator's CPUs.
 *
 * @param split the CPUs of each side, or null when not pinned
 * @param note  in words: which CPUs each side got, or why nothing was pinned
 */
public record Pinning(CoreSplit split, String note) {
    public static final Option<Boolean> PIN = Option.of("pin", ValueType.flag(true), true,
            "from " + CoreSplit.MIN_CPUS + " CPUs up, run the load generator and the server on disjoint CPUs (the"
                    + " generator the last, one per -DloadThreads; the server the rest, or its first -Dcores);"
                    + " false: let them share every CPU");

    /** Nothing pinned, for this reason ("fewer than 4 CPUs"). */
    public static Pinning none(String why) {
        return new Pinning(null, "not pinned: " + why);
    }

    static Pinning read(boolean wanted, int generatorThreads, List<Integer> coresSweep) {
        return decide(wanted, CpuList.ofCurrentThread(), CpuList::sameCore, Cores.tasksetInstalled(), generatorThreads,
                coresSweep);
    }

    /** As below, on a machine without SMT: each CPU a core of its own. */
    static Pinning decide(boolean wanted, List<Integer> allowedCpus, boolean tasksetInstalled, int generatorThreads,
                          List<Integer> coresSweep) {
        return decide(wanted, allowedCpus, List::of, tasksetInstalled, generatorThreads, coresSweep);
    }

    /**
     * The decision, from the CPUs this process may use ({@code allowedCpus}, in order) and which share a core
     * ({@code sameCore}): every {@code -Dcores} of the sweep must fit beside the generator, or the run is refused in
     * words. CPUs are split as numbered; where a generator CPU and a server CPU are SMT siblings of one core, the
     * note says so, since they then share that core's execution units and caches.
     */
    static Pinning decide(boolean wanted, List<Integer> allowedCpus, IntFunction<List<Integer>> sameCore,
                          boolean tasksetInstalled, int generatorThreads, List<Integer> coresSweep) {
        if (!wanted) {
            return none("-D" + PIN.name() + "=false");
        }
        if (allowedCpus.size() < CoreSplit.MIN_CPUS) {
            return none(allowedCpus.isEmpty() ? "which CPUs this process may use cannot be read (Linux only)"
                    : "fewer than " + CoreSplit.MIN_CPUS + " CPUs (" + allowedCpus.size() + "): the generator and the"
                    + " server share them");
        }
        if (!allowedCpus.equals(IntStream.range(0, allowedCpus.size()).boxed().toList())) {
            // taskset -c with -Dcores=K means CPUs 0 to K-1 (Cores): a split elsewhere would not be what it says
            return none("this process may use CPUs " + CpuList.format(allowedCpus) + ", not 0-"
                    + (allowedCpus.size() - 1) + " (a taskset or cpuset around corelab)");
        }
        if (!tasksetInstalled) {
            return none("'taskset' (apt-get install util-linux) is not on the PATH");
        }
        CoreSplit widest = null;
        for (int cores : coresSweep) {
            try {
                CoreSplit split = CoreSplit.of(allowedCpus, generatorThreads, cores).orElseThrow();
                widest = widest == null || split.serverCpus().size() > widest.serverCpus().size() ? split : widest;
            } catch (IllegalArgumentException e) {
                throw new OptionException(e.getMessage() + " (the generator and the server get disjoint CPUs from "
                        + CoreSplit.MIN_CPUS + " up; -D" + PIN.name() + "=false lets them share)");
            }
        }
        CoreSplit split = widest;
        List<String> shared = split.generatorCpus().stream().flatMap(g -> sameCore.apply(g).stream()
                .filter(split.serverCpus()::contains).map(s -> g + " and " + s)).toList();
        return new Pinning(split, "load generator on CPUs " + CpuList.format(split.generatorCpus())
                + ", server on CPUs " + CpuList.format(split.serverCpus())
                + (shared.isEmpty() ? "" : "; but CPUs " + String.join(", ", shared) + " are SMT siblings of one"
                + " core: there the generator and the server share its execution units"));
    }

    public boolean pinned() {
        return split != null;
    }

    /** The CPUs corelab's generator threads pin themselves to; empty when not pinned. */
    public List<Integer> generatorCpus() {
        return pinned() ? split.generatorCpus() : List.of();
    }

    /**
     * The {@code cores} to start a server with, {@code taskset -c 0-(cores-1)} (0: no restriction): when pinned,
     * {@code -Dcores=0} becomes every CPU the generator leaves.
     */
    public int serverCores(int cores) {
        return pinned() && cores == 0 ? split.serverCpus().size() : cores;
    }

    /** The CPUs a server started with {@code -Dcores=cores} may use, counted. */
    public int coresAllowed(int cores) {
        int restricted = serverCores(cores);
        return restricted > 0 ? restricted : Runtime.getRuntime().availableProcessors();
    }

    /** What goes before wrk's or ab's command: {@code taskset -c <generator CPUs>}, or nothing. */
    public List<String> generatorCommandPrefix() {
        return pinned() ? List.of("taskset", "-c", CpuList.format(split.generatorCpus())) : List.of();
    }

    /** As results.json's provenance records it. */
    public CorePinning record() {
        return pinned() ? new CorePinning(split.generatorCpus(), split.serverCpus(), note)
                : new CorePinning(List.of(), List.of(), note);
    }
}
