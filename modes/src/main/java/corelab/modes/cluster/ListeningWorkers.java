package corelab.modes.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each live worker listens, as its ready line said: what the {@code proxy} forwards
 * to. A worker enters on its {@code listening} event and leaves on its {@code exit}; a
 * restarted worker comes back with the port its new process picked.
 */
final class ListeningWorkers {
    private final Map<Worker, InetSocketAddress> addresses = new LinkedHashMap<>(); // guarded by itself

    ListeningWorkers(Cluster cluster) {
        cluster.onListening((worker, address) -> {
            synchronized (addresses) {
                addresses.put(worker, address);
            }
        });
        cluster.onExit(exit -> {
            synchronized (addresses) {
                addresses.remove(exit.worker());
            }
        });
    }

    /**
     * The addresses of the workers listening now, by worker id, without those asked to stop:
     * a worker being disconnected (a reload) still accepts for a moment, but a connection
     * that reached its socket just after its last accept would be reset.
     */
    List<InetSocketAddress> addresses() {
        List<Map.Entry<Worker, InetSocketAddress>> entries;
        synchronized (addresses) {
            entries = new ArrayList<>(addresses.entrySet());
        }
        entries.removeIf(entry -> entry.getKey().exitedAfterDisconnect());
        entries.sort(Comparator.comparingInt((Map.Entry<Worker, InetSocketAddress> e) -> e.getKey().id())
                .thenComparingLong(e -> e.getKey().pid()));
        return entries.stream().map(Map.Entry::getValue).toList();
    }
}
