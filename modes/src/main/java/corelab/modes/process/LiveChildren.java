package corelab.modes.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child processes this JVM has started and not yet stopped, so that a JVM that exits
 * without closing them (Ctrl-C, an uncaught error, System.exit) stops them on its way out,
 * each as a {@link ProcessTree}. A JVM killed outright runs no hook: then the children's
 * lifelines stop them (a corelab JVM's stdin, a {@link ChildProcess}'s watcher).
 */
public final class LiveChildren {
    /** What a stopper may take beyond the child's grace and the wait after SIGKILL. */
    private static final Duration STOPPER_SLACK = Duration.ofSeconds(5);
    private static final Map<Process, Duration> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveChildren::stopAll, "corelab-stop-servers"));
    }

    private LiveChildren() {
    }

    /**
     * Until {@link #remove} or until the child exits, whichever comes first; on the way out
     * it gets {@code stopGrace} to stop by itself (see {@link ProcessTree#stop}).
     */
    public static void add(Process child, Duration stopGrace) {
        LIVE.put(child, stopGrace);
        child.onExit().thenRun(() -> LIVE.remove(child));
    }

    public static void remove(Process child) {
        LIVE.remove(child);
    }

    /** In parallel: each may take its whole grace period, and the user pressed Ctrl-C once. */
    private static void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        List<Duration> patience = new ArrayList<>();
        LIVE.forEach((child, grace) -> {
            stoppers.add(Thread.ofPlatform().name("corelab-stop-" + child.pid())
                    .start(() -> ProcessTree.stop(child, grace)));
            patience.add(grace.plus(ProcessTree.KILL_WAIT).plus(STOPPER_SLACK));
        });
        for (int i = 0; i < stoppers.size(); i++) {
            try {
                stoppers.get(i).join(patience.get(i));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
