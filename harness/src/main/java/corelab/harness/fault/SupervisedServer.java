package corelab.harness.fault;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.server.ServerProcess;
import corelab.harness.server.WorkerOnline;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.ProcessTree;
import corelab.modes.process.Uninterruptibles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private final List<String> jvmFlags;
    private final Duration readyTimeout;
    private final InetSocketAddress address;
    /** Requests served by processes of earlier generations, so a restart does not lose them. */
    private final Map<Long, Long> earlierRequests = new TreeMap<>();
    private volatile ServerProcess current;
    private volatile Thread restarter;
    private volatile String restartFailure;
    private volatile long restartedNanos;
    private int restarts; // guarded by this
    private boolean closed; // guarded by this

    private SupervisedServer(ServerOptions options, int cores, List<String> jvmFlags, Duration readyTimeout,
                             ServerProcess first) {
        this.options = options.withPort(first.address().getPort());
        this.cores = cores;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.readyTimeout = readyTimeout;
        this.address = first.address();
        this.current = first;
    }

    public static SupervisedServer start(ServerOptions options, int cores, List<String> jvmFlags,
                                         Duration readyTimeout) throws IOException {
        return new SupervisedServer(options, cores, jvmFlags, readyTimeout,
                ServerProcess.startMode(options, cores, jvmFlags, readyTimeout));
    }

    /**
     * SIGKILL to the server's root process, now; the restart follows on another thread.
     * Returns the pid killed.
     */
    synchronized long killServer() {
        if (restarter != null && restarter.isAlive()) {
            throw new IllegalStateException("the server is already being restarted");
        }
        ServerProcess killed = current;
        ProcessTree tree = killed.killRootForcibly(); // the fault itself: the rest is the supervisor's work
        restarter = Thread.ofPlatform().daemon(true).name("corelab-supervisor").start(() -> restart(killed, tree));
        return killed.handle().pid();
    }

    /**
     * SIGKILL to the live cluster worker with the lowest id, the same one in every run.
     * Returns it; the primary restarts it, not the harness.
     */
    WorkerOnline killLowestWorker() {
        ServerProcess server = current;
        Set<Long> tree = new HashSet<>();
        server.handle().descendants().forEach(p -> tree.add(p.pid()));
        WorkerOnline victim = server.workersOnline().stream()
                .filter(worker -> tree.contains(worker.pid()))
                .min((a, b) -> Integer.compare(a.id(), b.id()))
                .orElseThrow(() -> new IllegalStateException("no live cluster worker to kill in " + server.description()));
        ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
        return victim;
    }

    private void restart(ServerProcess killed, ProcessTree tree) {
        try {
            // A killed primary's workers leave by their stdin lifeline; what is left after
            // the grace is killed, so a restart never races a leftover.
            tree.awaitGone(KILL_GRACE);
            Map<Long, Long> served = killed.requestsByProcess();
            killed.close();
            ServerProcess next = ServerProcess.startMode(options, cores, jvmFlags, readyTimeout);
            synchronized (this) {
                earlierRequests.putAll(served);
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
    public synchronized Map<Long, Long> requestsByProcess() {
        Map<Long, Long> all = new TreeMap<>(earlierRequests);
        all.putAll(current.requestsByProcess());
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

    /** Alive, or dead and being restarted: a supervised server is only lost when its restart fails. */
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
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = restarter;
        }
        if (thread != null) {
            Uninterruptibles.join(thread); // a restart in progress finishes, so close() below stops what it started
        }
        current.close();
    }
}
