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
 * The seeds' primary with corelab's cluster API: one worker per core, a crashed worker restarted
 * with a backoff, and a crash loop given up on.
 */
public final class Primary implements AutoCloseable {
    /**
     * The first restart after 100 ms, then 200, 400, ... up to 5 s while crashes come in a row;
     * a worker that stayed up 5 s was healthy, and the next crash starts again at 100 ms. A fourth
     * crash in a row, each within 5 s of its start, is a crash loop: restarting again would not
     * help, so the cluster gives up. (The numbers are a judgement: long enough for a database to
     * come back, short enough that a request or two sees the hole.)
     */
    static final RestartPolicy RESTART_POLICY =
            new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5), 3);

    private final Cluster cluster;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();

    /** {@code workerOptions}: what each worker serves, and on which port; {@code log} gets the workers' output. */
    public Primary(ServerOptions workerOptions, Consumer<String> log) {
        this.cluster = new Cluster(ServerMain.class, workerOptions, RESTART_POLICY, log);
        cluster.onGiveUp(stopped::complete); // registered before the first fork, so no give-up goes unheard
    }

    /** Forks the workers; returns once they are started, not yet listening. */
    public void start() throws IOException {
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            cluster.fork();
        }
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
