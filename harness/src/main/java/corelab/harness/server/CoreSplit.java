package corelab.harness.server;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Disjoint CPUs for the load generator and the server, so that neither takes the other's: the generator
 * gets the last CPUs, one per generator thread, and the server the first ones ({@code -Dcores} of them, or
 * all the rest). Only from {@link #MIN_CPUS} CPUs up: on two, the server would be left one core and a
 * mode that uses two could not show it; there the two share, and the report says what that means.
 *
 * @param generatorCpus CPU numbers for the generator's threads
 * @param serverCpus    CPU numbers for the server's whole process tree
 */
public record CoreSplit(List<Integer> generatorCpus, List<Integer> serverCpus) {
    public static final int MIN_CPUS = 4;

    public CoreSplit {
        generatorCpus = List.copyOf(generatorCpus);
        serverCpus = List.copyOf(serverCpus);
        if (generatorCpus.stream().anyMatch(serverCpus::contains)) {
            throw new IllegalArgumentException("the generator's and the server's CPUs overlap: " + generatorCpus
                    + " and " + serverCpus);
        }
    }

    /**
     * The split for a machine with {@code availableCpus}, a generator of {@code generatorThreads} threads and
     * a server asked to use {@code serverCores} (0: all that are left); empty below {@link #MIN_CPUS}.
     */
    public static Optional<CoreSplit> of(int availableCpus, int generatorThreads, int serverCores) {
        return of(IntStream.range(0, availableCpus).boxed().toList(), generatorThreads, serverCores);
    }

    /** The same, from the CPU numbers this process may use ({@link CpuList#ofCurrentThread()}), in order. */
    public static Optional<CoreSplit> of(List<Integer> cpus, int generatorThreads, int serverCores) {
        if (cpus.size() < MIN_CPUS) {
            return Optional.empty();
        }
        int generator = Math.max(1, generatorThreads);
        int left = cpus.size() - generator;
        if (left < 2) {
            throw new IllegalArgumentException(generatorThreads + " generator threads on " + cpus.size()
                    + " CPUs leave the server fewer than 2: use fewer -DloadThreads");
        }
        if (serverCores > left) {
            throw new IllegalArgumentException("-Dcores=" + serverCores + " is more than the " + left
                    + " CPUs left beside the load generator's " + generator);
        }
        int server = serverCores == 0 ? left : serverCores;
        return Optional.of(new CoreSplit(cpus.subList(left, cpus.size()), cpus.subList(0, server)));
    }

    /** The server's CPUs as taskset's {@code -c} list: "0-5". */
    public String serverCpuList() {
        return CpuList.format(serverCpus);
    }
}
