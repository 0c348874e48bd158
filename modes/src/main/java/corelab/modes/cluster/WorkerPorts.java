package corelab.modes.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loopback port for each worker id, held by the primary for the cluster's life
 * ({@code balance=nginx}). A restarted or reloaded worker listens on its id's port again
 * (with SO_REUSEPORT, so that for a moment the old and the new one both can), and nginx's
 * list of upstream servers never changes: no nginx reload, which would close the idle
 * keep-alive connections of its clients and make some of their requests fail.
 */
final class WorkerPorts implements AutoCloseable {
    private final Map<Integer, PortReservation> reservations = new TreeMap<>(); // guarded by this

    /** The port of worker {@code id}, reserved the first time it is asked for. */
    synchronized int portOf(int id) {
        PortReservation reservation = reservations.get(id);
        if (reservation == null) {
            try {
                reservation = PortReservation.bind("127.0.0.1", 0);
            } catch (IOException e) {
                throw new UncheckedIOException("could not reserve a port for worker " + id, e);
            }
            reservations.put(id, reservation);
        }
        return reservation.address().getPort();
    }

    /** Every reserved port, by worker id. */
    synchronized List<InetSocketAddress> addresses() {
        return reservations.values().stream().map(PortReservation::address).toList();
    }

    @Override
    public synchronized void close() {
        reservations.values().forEach(PortReservation::close);
    }
}
