package corelab.modes.cluster;

import corelab.modes.ModeServer;
import corelab.modes.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code cluster}: the primary. It forks {@code workers} worker JVMs that each run an
 * in-process mode ({@code workerMode}) on the same port, and restarts any worker that dies,
 * like Node.js's {@code cluster} module. The kernel, not the primary, spreads incoming
 * connections over the workers (SO_REUSEPORT); the primary never touches a request.
 */
public final class ClusterServer implements ModeServer {
    private static final long READY_TIMEOUT_SECONDS = 60;
    private static final long RESTART_DELAY_MILLIS = 100;
    private static final long STOP_GRACE_MILLIS = 5000;

    private final ServerOptions workerOptions;
    private final PrintStream log;
    private final SocketChannel portReservation;
    private final InetSocketAddress address;
    private final Map<Integer, WorkerProcess> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).name("corelab-restarts").factory());
    private volatile boolean closing;

    public ClusterServer(ServerOptions options, PrintStream log) throws IOException {
        this.log = log;
        this.portReservation = reservePort(options.host(), options.port());
        int port = ((InetSocketAddress) portReservation.getLocalAddress()).getPort();
        this.address = new InetSocketAddress(InetAddress.getByName(options.host()), port);
        this.workerOptions = options.withMode(options.workerMode()).withPort(port);
        try {
            for (int id = 1; id <= options.workers(); id++) {
                fork(id);
            }
            for (WorkerProcess worker : workers.values()) {
                awaitReady(worker);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Holds the port for the workers: a socket bound with SO_REUSEPORT but never listening,
     * so it receives no connections, yet fixes the port (port 0 picks one) and fails at once,
     * with a clear message, if another program has it.
     */
    private static SocketChannel reservePort(String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                throw new IOException("this platform does not support SO_REUSEPORT, which the cluster mode needs"
                        + " to let its workers share one port; use an in-process mode instead");
            }
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            channel.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return channel;
        } catch (BindException e) {
            channel.close();
            throw new BindException("cannot listen on " + host + ":" + port
                    + ": the port is already in use (choose another with -Dport=)");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void fork(int id) throws IOException {
        WorkerProcess worker = WorkerProcess.start(id, workerOptions, log::println);
        workers.put(id, worker);
        worker.onExit().thenAccept(process -> exited(worker, process.exitValue()));
    }

    private void awaitReady(WorkerProcess worker) throws IOException {
        try {
            worker.ready().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.println("corelab-worker-online id=" + worker.id() + " pid=" + worker.pid());
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() + " (its output is above)");
        } catch (TimeoutException e) {
            throw new IOException("worker " + worker.id() + " was not ready within " + READY_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for worker " + worker.id());
        }
    }

    /** A worker that dies while the cluster is not closing is replaced under the same id. */
    private void exited(WorkerProcess worker, int exitCode) {
        if (closing) {
            return;
        }
        log.println("corelab-worker-exit id=" + worker.id() + " pid=" + worker.pid() + " code=" + exitCode
                + " (restarting)");
        restarts.schedule(() -> {
            if (closing) {
                return;
            }
            try {
                fork(worker.id());
                awaitReady(workers.get(worker.id()));
            } catch (IOException e) {
                log.println("corelab: could not restart worker " + worker.id() + ": " + e.getMessage());
            }
        }, RESTART_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The live workers' process ids by worker id. */
    public Map<Integer, Long> workerPids() {
        Map<Integer, Long> pids = new java.util.TreeMap<>();
        workers.forEach((id, worker) -> pids.put(id, worker.pid()));
        return pids;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        closing = true;
        restarts.shutdownNow();
        // SIGTERM to all first, so they stop in parallel; then wait for each, and SIGKILL a laggard.
        workers.values().forEach(WorkerProcess::terminate);
        workers.values().forEach(worker -> worker.awaitOrKill(STOP_GRACE_MILLIS));
        try {
            portReservation.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
