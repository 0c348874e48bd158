package corelab.modes.cluster;

import corelab.modes.handoff.ChannelAdoption;
import corelab.modes.handoff.NativeSockets;
import corelab.modes.handoff.WorkerHandoff;
import corelab.modes.http.ServerSocketConfig;
import corelab.modes.options.Balance;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code balance=rr} and {@code balance=shared}: Node.js's {@code cluster}, where the primary
 * holds the listening socket and workers get sockets from it over a Unix socket
 * ({@code SCM_RIGHTS}). Every call is a native one ({@link NativeSockets}), so this runs
 * inside Maven's JVM too ({@code -Dserve=true}) with no JDK internals; a worker connects to
 * the hand-off socket once its mode serves, and the primary checks with {@code SO_PEERCRED}
 * that it is one of its own workers.
 *
 * <p>{@code shared} ({@code SCHED_NONE} in Node): each worker is sent the listening socket
 * once and accepts from it; the primary never accepts. {@code rr} ({@code SCHED_RR}, Node's
 * default on Linux): the primary accepts each connection and deals it as Node's
 * {@code round_robin_handle.js} does: to the first free worker, which answers once it
 * adopted it; a worker is free again after its answer, and connections wait in the primary
 * while none is. The primary then closes its copy: it never reads or writes a byte of the
 * connection. A worker that refuses (it is disconnecting) has the connection dealt to another;
 * one that dies takes the connection in flight to it along, as its own connections.
 */
final class HandoffFront implements Front {
    private final Balance balance;
    private final Cluster cluster;
    private final int listenerFd;
    private final int handoffFd;
    private final String handoffName;
    private final InetSocketAddress address;
    private final Deque<Integer> pending = new ArrayDeque<>(); // guarded by this
    private final Deque<Link> free = new ArrayDeque<>(); // guarded by this
    private final List<Link> links = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    /** A worker's end of the hand-off socket, and the connection dealt to it that it has not answered yet. */
    private static final class Link {
        final int fd;
        final long pid;
        int inFlight = -1; // guarded by the front

        Link(int fd, long pid) {
            this.fd = fd;
            this.pid = pid;
        }
    }

    private HandoffFront(Balance balance, Cluster cluster, int listenerFd, int handoffFd, String handoffName,
                         InetSocketAddress address) {
        this.balance = balance;
        this.cluster = cluster;
        this.listenerFd = listenerFd;
        this.handoffFd = handoffFd;
        this.handoffName = handoffName;
        this.address = address;
    }

    /** Takes the port now; connections wait in its backlog until {@link #workersListening}. */
    static HandoffFront bind(String host, int port, Balance balance, Cluster cluster) throws IOException {
        int listener;
        try {
            listener = NativeSockets.listenTcp(host, port, ServerSocketConfig.BACKLOG);
        } catch (BindException e) {
            throw ServerSocketConfig.cannotBind(host, port, e);
        }
        try {
            String name = "corelab-handoff-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            int handoff = NativeSockets.listenSeqpacket(name);
            InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName(host),
                    NativeSockets.localAddress(listener).getPort());
            HandoffFront front = new HandoffFront(balance, cluster, listener, handoff, name, bound);
            Thread.ofPlatform().daemon(true).name("corelab-handoff-links").start(front::acceptLinks);
            return front;
        } catch (IOException | RuntimeException e) {
            NativeSockets.close(listener);
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Map<String, String> workerEnvironment() {
        return Map.of(WorkerHandoff.SOCKET_ENV, handoffName);
    }

    @Override
    public List<String> workerJvmFlags() {
        return ChannelAdoption.JVM_FLAGS;
    }

    @Override
    public void workersListening() {
        if (balance == Balance.RR) {
            Thread.ofPlatform().daemon(true).name("corelab-rr-accept").start(this::acceptConnections);
        }
    }

    /** Workers connecting to the hand-off socket: one link each, kept (rr) or used once (shared). */
    private void acceptLinks() {
        while (true) {
            int link;
            try {
                link = NativeSockets.accept(handoffFd);
            } catch (IOException e) {
                return; // close()
            }
            try {
                long pid = NativeSockets.peer(link).pid();
                if (cluster.workers().stream().noneMatch(worker -> worker.pid() == pid)) {
                    NativeSockets.close(link); // not one of ours: it gets nothing
                    continue;
                }
                if (balance == Balance.SHARED) {
                    NativeSockets.sendDescriptor(link, listenerFd);
                    NativeSockets.close(link);
                } else {
                    Link added = new Link(link, pid);
                    synchronized (this) {
                        links.add(added);
                    }
                    Thread.ofPlatform().daemon(true).name("corelab-rr-link-" + pid).start(() -> readAnswers(added));
                    handoff(added); // connections may be waiting
                }
            } catch (IOException e) {
                NativeSockets.close(link);
            }
        }
    }

    private void acceptConnections() {
        while (true) {
            int connection;
            try {
                connection = NativeSockets.accept(listenerFd);
            } catch (IOException e) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                }
                pause(); // one failed accept (the client gave up, or no descriptor is left) must not stop the others
                continue;
            }
            distribute(connection);
        }
    }

    private synchronized void distribute(int connection) {
        if (closed) {
            NativeSockets.close(connection);
            return;
        }
        pending.add(connection);
        Link worker = free.poll();
        if (worker != null) {
            handoff(worker);
        }
    }

    /** Deals the next waiting connection to {@code worker}, or marks it free if none waits. */
    private synchronized void handoff(Link worker) {
        if (!links.contains(worker)) {
            return;
        }
        Integer connection = pending.poll();
        if (connection == null) {
            free.add(worker);
            return;
        }
        try {
            NativeSockets.sendDescriptor(worker.fd, connection);
            worker.inFlight = connection;
        } catch (IOException e) {
            pending.addFirst(connection); // that worker is gone
            drop(worker);
            Link other = free.poll();
            if (other != null) {
                handoff(other);
            }
        }
    }

    /** A worker's answers, until its link ends (it exited); this thread alone closes the link. */
    private void readAnswers(Link worker) {
        try {
            while (answered(worker, receiveAnswer(worker))) {
                // the next answer
            }
        } finally {
            NativeSockets.close(worker.fd);
        }
    }

    private static int receiveAnswer(Link worker) {
        try {
            return NativeSockets.receiveByte(worker.fd);
        } catch (IOException e) {
            return -1;
        }
    }

    /** False once the link ended. */
    private synchronized boolean answered(Link worker, int answer) {
        if (answer < 0) {
            drop(worker);
            return false;
        }
        int connection = worker.inFlight;
        worker.inFlight = -1;
        if (answer == WorkerHandoff.ACCEPTED) {
            if (connection >= 0) {
                NativeSockets.close(connection); // the worker has its own copy now
            }
            handoff(worker);
        } else {
            drop(worker); // it is disconnecting: deal it nothing more
            if (connection >= 0) {
                distribute(connection);
            }
        }
        return true;
    }

    /** Deals a worker nothing more; a connection dealt to it and not answered dies with it. */
    private synchronized void drop(Link worker) {
        if (links.remove(worker)) {
            free.remove(worker);
            if (worker.inFlight >= 0) {
                NativeSockets.close(worker.inFlight);
                worker.inFlight = -1;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The primary's descriptors: with {@code shared}, the workers keep the socket open until they stop. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.forEach(NativeSockets::close);
            pending.clear();
            for (Link link : new ArrayList<>(links)) {
                drop(link);
                NativeSockets.shutdown(link.fd); // ends its reader, which closes it
            }
        }
        if (balance == Balance.RR) {
            NativeSockets.shutdown(listenerFd); // wakes the accepting thread, which close alone would not
        }
        NativeSockets.close(listenerFd);
        NativeSockets.shutdown(handoffFd);
        NativeSockets.close(handoffFd);
    }
}
