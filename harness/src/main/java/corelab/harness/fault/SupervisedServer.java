package corelab.harness.fault;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.server.ServerProcess;
import corelab.harness.server.WorkerOnline;
import corelab.modes.BackendProcess;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.ProcessTree;
import corelab.modes.process.Uninterruptibles;
import corelab.modes.wire.CrashLoop;
import corelab.modes.wire.StatsLine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * A corelab mode under a supervisor, the way production runs a service (systemd's
 * {@code Restart=always} with {@code RestartSec=0}): when its process is killed, the
 * harness starts the same server again at once, on the same port, so an outage lasts a
 * JVM start and a bind, no more. Only fault runs need it; the restart happens on its own
 * thread, so the load and the sampling go on through the outage and measure it.
 */
public final class SupervisedServer implements ServerUnderTest {
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final ServerOptions options;
    private final int cores;
    private final Duration readyTimeout;
    private final InetSocketAddress address;
    private final BackendProcess backend; // null: none
    private final Starter starter;
    /** Stats of processes of earlier generations, so a restart does not lose what they served. */
    private final Map<Long, StatsLine> earlierStats = new TreeMap<>();
    private volatile ServerProcess current;
    private volatile Thread restarter;
    private volatile String restartFailure;
    private volatile long restartedNanos;
    private volatile boolean crashLoopAsked;
    private volatile long exitedNanos;
    private int restarts; // guarded by this
    private boolean closed; // guarded by this

    /** How the server starts, the first time and after each kill: a corelab mode, or the Node.js program. */
    @FunctionalInterface
    public interface Starter {
        ServerProcess start(ServerOptions options, int cores, Duration readyTimeout) throws IOException;
    }

    private SupervisedServer(ServerOptions options, int cores, Duration readyTimeout, ServerProcess first,
                             BackendProcess backend, Starter starter) {
        this.backend = backend;
        this.starter = starter;
        this.options = options.withPort(first.address().getPort());
        this.cores = cores;
        this.readyTimeout = readyTimeout;
        this.address = first.address();
        this.current = first;
    }

    public static SupervisedServer start(ServerOptions options, int cores, Duration readyTimeout) throws IOException {
        return start(options, cores, List.of(), readyTimeout, null);
    }

    /**
     * A corelab mode whose JVMs (a cluster's workers too) get {@code jvmFlags} (-DserverJvmFlags), calling {@code backend}
     * (null: none):
     * the backend is not part of the fault, so it outlives every restart, and closes after the server.
     */
    public static SupervisedServer start(ServerOptions options, int cores, List<String> jvmFlags,
                                         Duration readyTimeout, BackendProcess backend) throws IOException {
        List<String> flags = List.copyOf(jvmFlags);
        return start(options, cores, readyTimeout, backend,
                (opts, cpus, timeout) -> ServerProcess.startMode(opts, cpus, flags, timeout));
    }

    /** As {@link #start(ServerOptions, int, List, Duration, BackendProcess)}, started (and restarted) by {@code starter}. */
    public static SupervisedServer start(ServerOptions options, int cores, Duration readyTimeout,
                                         BackendProcess backend, Starter starter) throws IOException {
        return new SupervisedServer(options, cores, readyTimeout, starter.start(options, cores, readyTimeout), backend,
                starter);
    }

    /**
     * SIGKILL to the server's root process, now; the restart follows on another thread.
     * Returns the pid killed.
     */
    synchronized long killServer() {
        return stopAndRestart(true);
    }

    /**
     * SIGTERM to the server's root process, now: it drains and exits (within its
     * {@code shutdownGraceMillis}), and the restart follows on another thread, as after
     * {@link #killServer()}. Returns the pid stopped.
     */
    synchronized long stopServer() {
        return stopAndRestart(false);
    }

    private long stopAndRestart(boolean forcibly) {
        if (restarter != null && restarter.isAlive()) {
            throw new IllegalStateException("the server is already being restarted");
        }
        ServerProcess stopped = current;
        // The fault itself: the rest is the supervisor's work.
        ProcessTree tree = forcibly ? stopped.killRootForcibly() : stopped.terminateRoot();
        Duration exitWait = forcibly ? KILL_GRACE : KILL_GRACE.plusMillis(options.shutdownGraceMillis());
        restarter = Thread.ofPlatform().daemon(true).name("corelab-supervisor")
                .start(() -> restart(stopped, tree, exitWait));
        return stopped.handle().pid();
    }

    /**
     * The {@code crash-loop} fault: tells the cluster's primary that its workers' configuration
     * is lost (see {@code ClusterServer.crashLoop}); the primary, not the harness, does the rest,
     * and in the end gives up. Nothing restarts it then: {@link #gaveUp()} says so.
     */
    synchronized void crashLoop() {
        ServerProcess server = current;
        server.handle().onExit().thenRun(() -> exitedNanos = System.nanoTime());
        crashLoopAsked = true;
        if (!server.send(new CrashLoop())) {
            throw new IllegalStateException(server.description() + " cannot be told to crash its workers");
        }
    }

    /**
     * The exit code of a server that stopped by itself after {@link #crashLoop()}, which the
     * supervisor then leaves stopped; empty while it runs.
     */
    OptionalInt gaveUp() {
        return crashLoopAsked ? current.exitCode() : OptionalInt.empty();
    }

    /** {@link System#nanoTime()} when the server that {@link #gaveUp()} had exited, 0 before. */
    long exitedNanos() {
        return exitedNanos;
    }

    /**
     * SIGKILL to the live cluster worker with the lowest id, the same one in every run.
     * Returns it; the primary restarts it, not the harness.
     */
    WorkerOnline killLowestWorker() {
        return signalLowestWorker(true);
    }

    /**
     * SIGTERM to the live cluster worker with the lowest id: it drains and exits (143), and its
     * primary restarts it as it would after a crash, since no one asked it to disconnect.
     */
    WorkerOnline stopLowestWorker() {
        return signalLowestWorker(false);
    }

    private WorkerOnline signalLowestWorker(boolean forcibly) {
        ServerProcess server = current;
        Set<Long> tree = new HashSet<>();
        server.handle().descendants().forEach(p -> tree.add(p.pid()));
        WorkerOnline victim = server.workersOnline().stream()
                .filter(worker -> tree.contains(worker.pid()))
                .min((a, b) -> Integer.compare(a.id(), b.id()))
                .orElseThrow(() -> new IllegalStateException("no live cluster worker to kill in " + server.description()));
        ProcessHandle.of(victim.pid()).ifPresent(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        return victim;
    }

    /** Asks the cluster for its rolling reload; the primary replaces the workers, not the harness. */
    void reload() throws IOException, InterruptedException {
        current.reload();
    }

    private void restart(ServerProcess killed, ProcessTree tree, Duration exitWait) {
        try {
            // A killed primary's workers leave by their stdin lifeline (a stopped one's drain first);
            // what is left after the wait is killed, so a restart never races a leftover.
            tree.awaitGone(exitWait);
            Map<Long, StatsLine> served = killed.statsByProcess();
            killed.close();
            ServerProcess next = starter.start(options, cores, readyTimeout);
            synchronized (this) {
                earlierStats.putAll(served);
                if (closed) {
                    next.close();
                    return;
                }
                current = next;
                restarts++;
                restartedNanos = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            restartFailure = "the supervisor could not restart the server: " + e.getMessage();
        } catch (InterruptedException e) {
            restartFailure = "the supervisor was interrupted";
        }
    }

    /** Waits for a restart under way; throws {@link RunFailure} if it failed. */
    void awaitRestart() throws RunFailure, InterruptedException {
        Thread thread = restarter;
        if (thread != null) {
            thread.join();
        }
        if (restartFailure != null) {
            throw new RunFailure(restartFailure);
        }
    }

    /** Restarts completed so far. */
    synchronized int restarts() {
        return restarts;
    }

    /** {@link System#nanoTime()} when the latest restarted server was ready, 0 before any. */
    long restartedNanos() {
        return restartedNanos;
    }

    List<WorkerOnline> workersOnline() {
        return current.workersOnline();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public ProcessHandle handle() {
        return current.handle();
    }

    @Override
    public synchronized Map<Long, StatsLine> statsByProcess() {
        Map<Long, StatsLine> all = new TreeMap<>(earlierStats);
        all.putAll(current.statsByProcess());
        return all;
    }

    @Override
    public String description() {
        return current.description();
    }

    @Override
    public List<String> command() {
        return current.command();
    }

    /**
     * Alive, or dead and being restarted: a supervised server is only lost when its restart fails,
     * or when it gave up by itself after a {@link #crashLoop()}.
     */
    @Override
    public boolean isAlive() {
        Thread thread = restarter;
        return current.isAlive() || (thread != null && thread.isAlive());
    }

    @Override
    public List<String> recentOutput() {
        List<String> lines = new ArrayList<>(current.recentOutput());
        if (restartFailure != null) {
            lines.add(restartFailure);
        }
        return lines;
    }

    @Override
    public ProcessHandle downstream() {
        return backend == null ? null : ProcessHandle.of(backend.pid()).orElse(null);
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = restarter;
        }
        if (thread != null) {
            Uninterruptibles.join(thread); // a restart in progress finishes, so close() below stops what it started
        }
        try {
            current.close();
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
