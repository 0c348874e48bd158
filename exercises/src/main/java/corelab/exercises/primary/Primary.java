package corelab.exercises.primary;

import corelab.modes.ServerMain;
import corelab.modes.cluster.Cluster;
import corelab.modes.cluster.RestartPolicy;
import corelab.modes.options.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The seeds' primary, the Node.js cluster tutorials' program, written with corelab's cluster API:
 * <pre>{@code
 * if (cluster.isPrimary) {
 *   for (let i = 0; i < os.cpus().length; i++) cluster.fork();
 *   cluster.on("exit", (worker) => cluster.fork()); // restart
 * }
 * }</pre>
 * {@link Cluster} is Node's {@code cluster} module: {@code fork()} starts a worker (a JVM
 * running corelab's {@code ServerMain}, which serves HTTP on the port the workers share),
 * {@code workers()} lists the live ones, and {@code onExit}, {@code onGiveUp} hear what
 * becomes of them. Node's module restarts nothing by itself ("Node.js does not automatically
 * manage the number of workers for you", its documentation says): the seeds' {@code exit}
 * handler does, at once and forever, so a worker that crashes as it starts (a bad setting, a
 * port another program holds) is restarted in a tight loop that burns a core and floods the
 * log. corelab's {@code Cluster} restarts a worker that died unasked as its
 * {@link RestartPolicy} says.
 *
 * <p>TODO, three steps (PrimaryTest checks them):
 * <ol>
 * <li>{@link #start()}: fork one worker per core, as the seeds do.</li>
 * <li>{@link #RESTART_POLICY}: it never restarts. Restart a crashed worker after a delay that
 *     doubles while crashes come in a row (a backoff), and give up after a few crashes in a row,
 *     each soon after its worker started (a crash loop). Read {@link RestartPolicy}'s four
 *     fields; pm2 has the same ideas as {@code restart_delay}, {@code exp_backoff_restart_delay},
 *     {@code min_uptime} and {@code max_restarts}.</li>
 * <li>The constructor: when the cluster gives up, complete {@link #stopped()} with its reason
 *     (corelab's own primary then exits with code 3, so that whoever runs it sees it failed).</li>
 * </ol>
 */
public final class Primary implements AutoCloseable {
    /** Never restarts: the first crash already gives up. */
    static final RestartPolicy RESTART_POLICY =
            new RestartPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO, 0);

    private final Cluster cluster;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();

    /** {@code workerOptions}: what each worker serves, and on which port; {@code log} gets the workers' output. */
    public Primary(ServerOptions workerOptions, Consumer<String> log) {
        this.cluster = new Cluster(ServerMain.class, workerOptions, RESTART_POLICY, log);
    }

    /** Forks the workers; returns once they are started, not yet listening. */
    public void start() throws IOException {
        cluster.fork();
    }

    public Cluster cluster() {
        return cluster;
    }

    /** Completes, with the reason, once the primary has given up restarting its workers. */
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    /** Stops every worker (SIGTERM, then SIGKILL) and waits until they are gone. */
    @Override
    public void close() {
        cluster.close();
    }
}
