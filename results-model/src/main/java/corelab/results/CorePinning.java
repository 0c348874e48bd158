package corelab.results;

import java.util.List;
import java.util.Objects;

/**
 * Whether the load generator and the server ran on disjoint CPUs, and which. Only then is a throughput that
 * the generator could not push higher the server's own figure; where they share CPUs, each takes from the
 * other, and the figures measure how the machine was shared.
 *
 * @param generatorCpus CPUs the load generator ran on (corelab's generator threads, or wrk/ab); empty: not pinned
 * @param serverCpus    CPUs the server's process tree (and its io backend) ran on, the first {@code coresAllowed}
 *                      of them with {@code -Dcores}; empty: not pinned
 * @param note          in words, why it was pinned or not, e.g. "not pinned: fewer than 4 cores"
 */
public record CorePinning(List<Integer> generatorCpus, List<Integer> serverCpus, String note) {
    public CorePinning {
        generatorCpus = List.copyOf(generatorCpus);
        serverCpus = List.copyOf(serverCpus);
        Objects.requireNonNull(note, "note");
        if (generatorCpus.isEmpty() != serverCpus.isEmpty()) {
            throw new IllegalArgumentException("pinned means both sides have CPUs: " + generatorCpus + " and "
                    + serverCpus);
        }
        if (generatorCpus.stream().anyMatch(serverCpus::contains)) {
            throw new IllegalArgumentException("the generator's and the server's CPUs overlap: " + generatorCpus
                    + " and " + serverCpus);
        }
    }

    public static CorePinning notPinned(String why) {
        return new CorePinning(List.of(), List.of(), "not pinned: " + why);
    }

    public boolean pinned() {
        return !generatorCpus.isEmpty();
    }

    /**
     * Whether the generator and the servers of this run shared CPUs: when not pinned, and for files written
     * before pinning was recorded ({@code pinning} null), when nothing was pinned.
     */
    public static boolean shared(Provenance provenance) {
        return provenance == null || provenance.pinning() == null || !provenance.pinning().pinned();
    }
}
