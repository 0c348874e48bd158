package corelab.modes.cluster;

import corelab.modes.server.ModeServer;
import corelab.modes.options.Balance;
import corelab.modes.options.CounterStore;
import corelab.modes.options.ServerOptions;
import corelab.modes.wire.CrashLoop;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.Reload;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import corelab.modes.wire.StatsReport;
import corelab.modes.wire.WorkerOnlineLine;
import corelab.modes.wire.WorkerReloadedLine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code cluster}: the primary, as {@code pm2 start -i N} runs it. It forks {@code workers}
 * worker JVMs through a {@link Cluster}; each runs an in-process mode ({@code workerMode})
 * behind one port. How connections reach them is the {@link Balance} strategy, carried out
 * by a {@link Front}: the kernel ({@link PortReservation}), the primary itself
 * ({@link RoundRobinProxy}), an nginx it runs ({@link NginxFront}), or sockets handed to the
 * workers ({@link HandoffFront}).
 *
 * <p>What it adds to the {@link Cluster}: it starts all workers and fails at once if one
 * cannot start (a crash loop that begins at startup is a configuration error, better shown
 * at once than after a minute of restarts); it prints the lines the harness reads
 * ({@link WorkerOnlineLine} once a worker listens, and each worker's {@link StatsLine},
 * which the worker sends as a {@link StatsReport}); it stops, with {@link #failure()}, when
 * the restart policy gives up or its nginx dies; and it reloads.
 *
 * <p>{@link #reload()} is pm2's {@code reload}: workers are replaced one at a time, and
 * each old worker is disconnected (it stops accepting, finishes its requests, then exits)
 * only once its replacement listens, so the port always has a listener. Java has no portable
 * SIGHUP, so a primary run by {@code ServerMain} reloads when a {@link Reload} message
 * arrives on its standard input.
 *
 * <p>One kernel limit: connections that completed their handshake on an old worker's
 * listening socket but were not yet accepted are reset when it closes, unless
 * {@code net.ipv4.tcp_migrate_req=1} (Linux 5.14+) moves them to a sibling. The worker
 * accepts everything queued immediately before it closes, which makes the window tiny, but
 * only that sysctl closes it.
 */
public final class ClusterServer implements ModeServer {
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final PrintStream log;
    private final Front front;
    private final Cluster cluster;
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final Object reloading = new Object();
    private boolean closed; // guarded by this
    private volatile boolean workersFailAtStart;

    /** {@code workerMain}: the class each worker JVM runs (see {@link Cluster}). */
    public ClusterServer(Class<?> workerMain, ServerOptions options, PrintStream log) throws IOException {
        this(workerMain, options, log, RestartPolicy.of(options));
    }

    ClusterServer(Class<?> workerMain, ServerOptions options, PrintStream log, RestartPolicy restartPolicy)
            throws IOException {
        this.log = log;
        ServerOptions workerOptions = options.withMode(options.workerMode());
        // Behind a front, each worker listens on a loopback port of its own and announces it in its ready line.
        ServerOptions behindFront = workerOptions.withPort(0).withHost("127.0.0.1");
        switch (options.balance()) {
            case KERNEL -> {
                this.front = PortReservation.bind(options.host(), options.port());
                ServerOptions sharing = workerOptions.withPort(front.address().getPort());
                this.cluster = new Cluster(workerMain, id -> failable(sharing), restartPolicy, log::println);
            }
            case PROXY -> {
                this.cluster = new Cluster(workerMain, id -> failable(behindFront), restartPolicy, log::println);
                this.front = RoundRobinProxy.bind(options.host(), options.port(), new ListeningWorkers(cluster));
            }
            case NGINX -> {
                WorkerPorts ports = new WorkerPorts();
                this.cluster = new Cluster(workerMain, id -> failable(behindFront.withPort(ports.portOf(id))),
                        restartPolicy, log::println);
                this.front = NginxFront.prepare(options.host(), options.port(), options.limits(), ports, log, this::stopBecause);
            }
            case RR, SHARED -> {
                this.cluster = new Cluster(workerMain, id -> failable(behindFront), restartPolicy, log::println);
                this.front = HandoffFront.bind(options.host(), options.port(), options.balance(), cluster);
            }
            default -> throw new IllegalArgumentException("no front for " + options.balance());
        }
        // The harness reads these two lines.
        cluster.onListening((worker, at) -> log.println(new WorkerOnlineLine(worker.id(), worker.pid()).format()));
        cluster.onMessage((worker, text) -> StatsReport.parse(text).ifPresent(stats -> printStats(worker, stats)));
        cluster.onMessage((worker, text) -> ProfileDumped.parse(text).ifPresent(
                dumped -> log.println(new ForwardedLine(worker.id(), dumped.format()).format())));
        if (options.counter() == CounterStore.PRIMARY) {
            PrimaryCounter.keepCount(cluster); // before the first fork, so no worker's first increment goes unheard
        }
        cluster.onGiveUp(this::stopBecause);
        try {
            for (int i = 0; i < options.workers(); i++) {
                List<String> jvmFlags = new ArrayList<>(options.workerJvmFlags());
                jvmFlags.addAll(front.workerJvmFlags());
                cluster.fork(front.workerEnvironment(), jvmFlags);
            }
            for (Worker worker : cluster.workers()) {
                awaitListening(worker);
            }
            front.workersListening();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A worker's options, with {@code failAtStart=true} once {@link #crashLoop()} was called. */
    private ServerOptions failable(ServerOptions workerOptions) {
        return workersFailAtStart ? workerOptions.with(ServerOptions.FAIL_AT_START, true) : workerOptions;
    }

    /**
     * The {@code crash-loop} fault: every worker crashes now, and every worker started from
     * here on exits at start (exit 78), as if the workers' configuration had become unreadable.
     * The restart policy then restarts them with its growing delays until it gives up, and the
     * primary stops with {@link #failure()} (exit 3 from {@code ServerMain}), pm2's "errored".
     */
    public void crashLoop() {
        workersFailAtStart = true;
        for (Worker worker : cluster.workers()) {
            try {
                worker.send(new CrashLoop());
            } catch (UncheckedIOException e) {
                // already gone: it crashed by itself
            }
        }
    }

    /** As a line of the worker's own, passed on: the harness reads it where it reads a single process's. */
    private void printStats(Worker worker, StatsReport stats) {
        StatsLine line = new StatsLine(worker.pid(), worker.id(), stats.requests(), stats.refusedConnections());
        log.println(new ForwardedLine(worker.id(), line.format()).format());
    }

    /** Passes a profiling command on to every worker; each answers a dump, and its answer is printed for the harness. */
    public void profile(ProfileCommand command) {
        for (Worker worker : cluster.workers()) {
            worker.send(command);
        }
    }

    /** The cluster cannot go on (its workers crash in a loop, its nginx died): say why, stop, and fail. */
    private void stopBecause(String reason) {
        log.println("corelab: " + reason);
        Thread.ofPlatform().daemon(true).start(() -> {
            close();
            failure.complete(reason);
        });
    }

    private static void awaitListening(Worker worker) throws IOException {
        try {
            worker.listening().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() + " (its output is above)");
        } catch (TimeoutException e) {
            throw new IOException(worker + " was not listening within " + READY_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + worker);
        }
    }

    /**
     * Replaces every worker, one at a time, without a moment when the port has no listener:
     * start the replacement, wait until it listens, then disconnect the old worker and wait
     * for it to exit. If a replacement cannot start, the reload stops there and the old
     * worker keeps serving. One reload at a time.
     */
    public void reload() throws IOException {
        synchronized (reloading) {
            reloadEachWorker();
        }
    }

    private void reloadEachWorker() throws IOException {
        for (Worker old : cluster.workers()) {
            if (old.isDead()) {
                continue; // a crash mid-reload: the restart policy brings it back
            }
            Worker replacement = cluster.forkReplacement(old);
            try {
                awaitListening(replacement);
            } catch (IOException e) {
                replacement.kill();
                throw new IOException("reload stopped: " + e.getMessage() + "; " + old + " keeps serving");
            }
            old.disconnect();
            try {
                old.exited().get(Worker.DISCONNECT_GRACE.plus(Worker.KILL_TIMEOUT).toSeconds() + 5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("reload stopped: " + old + " did not exit after disconnect", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("reload interrupted");
            }
            log.println(new WorkerReloadedLine(old.id(), old.pid(), replacement.pid()).format());
        }
    }

    /** The cluster itself: its workers, their events, fork and the rest. */
    public Cluster cluster() {
        return cluster;
    }

    /** The live workers' process ids by worker id. */
    public Map<Integer, Long> workerPids() {
        Map<Integer, Long> pids = new TreeMap<>();
        List<Worker> workers = cluster.workers();
        workers.forEach(worker -> pids.put(worker.id(), worker.pid())); // mid-reload, one of a shared id
        return pids;
    }

    /** Completes, with the reason, if the cluster stopped because its workers crash in a loop. */
    @Override
    public CompletableFuture<String> failure() {
        return failure;
    }

    @Override
    public InetSocketAddress address() {
        return front.address();
    }

    /**
     * A graceful stop of the whole cluster (SIGTERM to the primary): every worker is
     * disconnected at once, as in a reload but with no replacement. Each closes its listener,
     * answers its requests in flight with {@code Connection: close}, closes its idle
     * connections and exits; none is restarted (they exit after a disconnect). Returns once all
     * exited, or {@code grace} plus {@link Worker#KILL_TIMEOUT} after which the stragglers were
     * killed; {@link #close()} then releases the front. Under {@code balance=kernel} nothing else
     * holds a connection; behind a front of the primary ({@code proxy}, {@code nginx}) a
     * connection that arrives meanwhile finds no worker listening and is closed.
     */
    @Override
    public void disconnect(Duration grace) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        List<Worker> workers = cluster.workers();
        workers.forEach(worker -> worker.disconnect(grace));
        for (Worker worker : workers) {
            try {
                worker.exited().get(grace.plus(Worker.KILL_TIMEOUT).toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.println("corelab: " + worker + " did not exit after its disconnect");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        front.close(); // first, so that no new connection goes to a worker that is stopping
        cluster.close();
    }
}
