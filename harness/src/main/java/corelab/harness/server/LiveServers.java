package corelab.harness.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server processes this JVM has started and not yet stopped, so that a JVM that exits
 * without closing them (Ctrl-C, an uncaught error, System.exit) stops them on its way out.
 * A JVM killed outright runs no hook: then the servers' stdin lifeline stops them.
 */
final class LiveServers {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveServers::stopAll, "corelab-stop-servers"));
    }

    private LiveServers() {
    }

    /** Until {@link #remove} or until the server's root process exits, whichever comes first. */
    static void add(Process server) {
        LIVE.add(server);
        server.onExit().thenRun(() -> LIVE.remove(server));
    }

    static void remove(Process server) {
        LIVE.remove(server);
    }

    /** In parallel: each may take its whole grace period, and the user pressed Ctrl-C once. */
    private static void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (Process server : LIVE) {
            stoppers.add(Thread.ofPlatform().name("corelab-stop-" + server.pid())
                    .start(() -> ProcessTree.stop(server, ServerProcess.STOP_GRACE)));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join(ServerProcess.STOP_GRACE.plus(Duration.ofSeconds(15)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
