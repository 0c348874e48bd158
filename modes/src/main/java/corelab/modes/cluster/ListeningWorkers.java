package corelab.modes.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where each live worker listens, as its ready line said: what a front ({@code proxy},
 * {@code nginx}) forwards to. A worker enters on its {@code listening} event and leaves on
 * its {@code exit}; a restarted worker comes back with the port its new process picked.
 */
final class ListeningWorkers {
    private final Map<Worker, InetSocketAddress> addresses = new LinkedHashMap<>(); // guarded by itself
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();

    ListeningWorkers(Cluster cluster) {
        cluster.onListening((worker, address) -> {
            synchronized (addresses) {
                addresses.put(worker, address);
            }
            onChange.forEach(Runnable::run);
        });
        cluster.onExit(exit -> {
            synchronized (addresses) {
                addresses.remove(exit.worker());
            }
            onChange.forEach(Runnable::run);
        });
    }

    /** The addresses of the workers listening now, by worker id. */
    List<InetSocketAddress> addresses() {
        List<Map.Entry<Worker, InetSocketAddress>> entries;
        synchronized (addresses) {
            entries = new ArrayList<>(addresses.entrySet());
        }
        entries.sort(Comparator.comparingInt((Map.Entry<Worker, InetSocketAddress> e) -> e.getKey().id())
                .thenComparingLong(e -> e.getKey().pid()));
        return entries.stream().map(Map.Entry::getValue).toList();
    }

    /** Runs after each change, on the thread of the worker's event. */
    void onChange(Runnable listener) {
        onChange.add(listener);
    }
}
