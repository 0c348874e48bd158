package corelab.modes.cluster;

import corelab.modes.options.ServerArgs;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.JvmCommand;
import corelab.modes.process.ProcessTree;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.WorkerExitLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The primary's side of a cluster, named as in Node.js's {@code cluster} module:
 * {@link #fork} starts a worker JVM running the worker main class with the worker options,
 * {@link #workers} lists the live ones, and listeners hear of each worker's {@code online}
 * (its process started), {@code listening} (its ready line arrived), {@code message} and
 * {@code exit}.
 *
 * <p>One thing Node's module leaves to pm2 is built in: a worker that exits without being
 * asked to ({@link Worker#exitedAfterDisconnect()} false) is started again, under the same
 * id and the same way, after the delay the {@link RestartPolicy} gives, unless another live
 * worker already holds its id (a reload's replacement); when the policy gives up, the
 * {@code giveUp} listeners hear why. Events fire on the worker's output thread, in order:
 * online, listening, messages, exit.
 */
public final class Cluster implements AutoCloseable {
    /** How long {@link #close()} waits for a worker's exit event once its process is gone: its listeners run first. */
    private static final Duration EXIT_EVENT_WAIT = Duration.ofSeconds(10);

    private final Class<?> workerMain;
    private final IntFunction<ServerOptions> workerOptions;
    private final RestartPolicy restartPolicy;
    private final RestartPolicy.Backoff backoff; // guarded by itself
    private final Consumer<String> log;
    private final List<Worker> live = new CopyOnWriteArrayList<>();
    private final List<Consumer<Worker>> onOnline = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Worker, InetSocketAddress>> onListening = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Worker, String>> onMessage = new CopyOnWriteArrayList<>();
    private final List<Consumer<WorkerExit>> onExit = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> onGiveUp = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService restarts =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).name("corelab-restarts").factory());
    private int lastId; // guarded by this
    private volatile boolean closed;

    /**
     * {@code workerMain} is the class a worker JVM runs (corelab's {@code ServerMain}, which reads
     * {@link ServerArgs}); it is given, not named here, so the cluster does not depend on the
     * program that composes it. {@code log} receives the workers' output, each line as a
     * {@link ForwardedLine}, and the cluster's own lines.
     */
    public Cluster(Class<?> workerMain, ServerOptions workerOptions, RestartPolicy restartPolicy, Consumer<String> log) {
        this(workerMain, id -> workerOptions, restartPolicy, log);
    }

    /** As above, with options that depend on the worker's id (a port of its own, kept across restarts). */
    Cluster(Class<?> workerMain, IntFunction<ServerOptions> workerOptions, RestartPolicy restartPolicy,
            Consumer<String> log) {
        this.workerMain = workerMain;
        this.workerOptions = workerOptions;
        this.restartPolicy = restartPolicy;
        this.backoff = restartPolicy.backoff();
        this.log = log;
    }

    /** Starts a worker with the next id. */
    public Worker fork() throws IOException {
        return fork(Map.of(), List.of());
    }

    /** Starts a worker with the next id, extra environment variables and extra JVM flags. */
    public Worker fork(Map<String, String> environment, List<String> jvmFlags) throws IOException {
        int id;
        synchronized (this) {
            id = ++lastId;
        }
        return start(id, new Worker.Spec(environment, jvmFlags));
    }

    /** Starts a worker like {@code old}: same id, environment and JVM flags. {@code old} is left alone. */
    public Worker forkReplacement(Worker old) throws IOException {
        return start(old.id(), old.spec());
    }

    private Worker start(int id, Worker.Spec spec) throws IOException {
        List<String> args = ServerArgs.worker(workerOptions.apply(id), id).toArgs();
        ProcessBuilder builder = new ProcessBuilder(JvmCommand.forMain(workerMain, spec.jvmFlags(), args))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE); // the channel, and the worker's lifeline
        builder.environment().putAll(spec.environment());
        Worker worker;
        synchronized (live) { // against close(): no worker may start after it looked
            if (closed) {
                throw new IllegalStateException("the cluster is closed");
            }
            worker = new Worker(id, spec, builder.start());
            live.add(worker);
        }
        fire(onOnline, listener -> listener.accept(worker));
        worker.pump(this);
        return worker;
    }

    /** The live workers, by id; during a reload two may briefly share an id. */
    public List<Worker> workers() {
        List<Worker> workers = new ArrayList<>(live);
        workers.sort(Comparator.comparingInt(Worker::id).thenComparingLong(Worker::pid));
        return workers;
    }

    public void onOnline(Consumer<Worker> listener) {
        onOnline.add(listener);
    }

    public void onListening(BiConsumer<Worker, InetSocketAddress> listener) {
        onListening.add(listener);
    }

    public void onMessage(BiConsumer<Worker, String> listener) {
        onMessage.add(listener);
    }

    public void onExit(Consumer<WorkerExit> listener) {
        onExit.add(listener);
    }

    /** Hears, once, why the cluster stopped restarting workers. */
    public void onGiveUp(Consumer<String> listener) {
        onGiveUp.add(listener);
    }

    void listening(Worker worker, InetSocketAddress address) {
        fire(onListening, listener -> listener.accept(worker, address));
    }

    void message(Worker worker, String text) {
        fire(onMessage, listener -> listener.accept(worker, text));
    }

    void output(String line) {
        log.accept(line);
    }

    void exited(WorkerExit exit) {
        Worker worker = exit.worker();
        live.remove(worker);
        fire(onExit, listener -> listener.accept(exit));
        if (closed || exit.exitedAfterDisconnect()) {
            return;
        }
        if (live.stream().anyMatch(other -> other.id() == worker.id())) {
            log.accept(exitLine(exit, OptionalLong.empty()).format());
            return;
        }
        Optional<Duration> delay;
        int unstable;
        synchronized (backoff) {
            delay = backoff.afterCrash(worker.uptime());
            unstable = backoff.unstableRestarts();
        }
        if (delay.isEmpty()) {
            String reason = "workers crashed " + (unstable + 1) + " times in a row, each within "
                    + restartPolicy.stablePeriod().toSeconds() + " s of starting (the last: " + worker + ", "
                    + exit.describe() + "); giving up restarting them (their output is above)";
            fire(onGiveUp, listener -> listener.accept(reason));
            return;
        }
        log.accept(exitLine(exit, OptionalLong.of(delay.get().toMillis())).format());
        try {
            restarts.schedule(() -> restart(worker), delay.get().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private static WorkerExitLine exitLine(WorkerExit exit, OptionalLong restartDelayMillis) {
        return new WorkerExitLine(exit.worker().id(), exit.worker().pid(), exit.exitCode(),
                Optional.ofNullable(exit.signal()), restartDelayMillis);
    }

    private void restart(Worker dead) {
        if (closed) {
            return;
        }
        try {
            forkReplacement(dead);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            log.accept("corelab: could not restart worker " + dead.id() + ": " + e.getMessage());
        }
    }

    /** A listener that throws must not stop the events of other listeners, or the worker's output. */
    private <T> void fire(List<T> listeners, Consumer<T> call) {
        for (T listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.accept("corelab: a cluster listener failed: " + e);
            }
        }
    }

    /**
     * Stops restarting, SIGTERMs every worker, waits for them (SIGKILL after
     * {@link Worker#KILL_TIMEOUT}) and for their exit events, and returns once none is left.
     * Idempotent.
     */
    @Override
    public void close() {
        List<Worker> workers;
        synchronized (live) {
            closed = true;
            workers = new ArrayList<>(live);
        }
        restarts.shutdownNow();
        ProcessTree processes = ProcessTree.of(workers.stream().map(Worker::handle).toList());
        workers.forEach(Worker::terminate); // all at once, so they stop in parallel
        try {
            processes.killAfterRoots(Worker.KILL_TIMEOUT);
        } catch (IllegalStateException e) {
            log.accept("corelab: " + e.getMessage());
        }
        for (Worker worker : workers) {
            try {
                worker.exited().get(EXIT_EVENT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                log.accept("corelab: " + worker + " did not exit: " + e);
            }
        }
    }
}
