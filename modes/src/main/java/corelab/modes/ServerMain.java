package corelab.modes;

import corelab.modes.cluster.ClusterServer;
import corelab.modes.cluster.WorkerChannel;
import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerArgs;
import corelab.modes.options.ServerOptions;
import corelab.modes.profile.ProcessProfilers;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.Reload;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.StatsQuery;
import corelab.modes.wire.StatsReport;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The entry point of a server process: {@code java -cp ... corelab.modes.ServerMain
 * mode=single port=0 ...}. It prints its {@link ReadyLine} once it accepts connections and
 * exits cleanly on SIGTERM. A cluster worker ({@code workerId=N}) talks with its primary
 * over its stdin and stdout ({@link WorkerChannel}) and exits as soon as its primary is
 * gone, however the primary died; a cluster primary reads a {@link Reload} message on its
 * own stdin, and exits with {@link #EXIT_GAVE_UP} if its workers crash in a loop or its
 * nginx ({@code balance=nginx}) dies. Any of them profiles itself on a {@link ProfileCommand}
 * from its parent (a primary passes each on to its workers).
 */
public final class ServerMain {
    /** Exit code for a server that could not start (bad options, busy port). */
    public static final int EXIT_CANNOT_START = 2;
    /** Exit code for a cluster primary that stopped by itself: its workers crash in a loop, or its nginx died. */
    public static final int EXIT_GAVE_UP = 3;

    private ServerMain() {
    }

    public static void main(String[] args) {
        RunningServer server;
        ServerOptions options;
        int workerId;
        WorkerChannel parent = null;
        try {
            ServerArgs launch = ServerArgs.fromArgs(args);
            options = launch.options();
            workerId = launch.workerId();
            boolean lifeline = workerId > 0 || launch.exitWithStdin();
            if (lifeline || options.mode() == Mode.CLUSTER) {
                // Started before the server, so that a parent that dies while it starts takes it along.
                parent = WorkerChannel.start(System.in, System.out, lifeline ? ServerMain::parentGone : () -> { });
            }
            server = RunningServer.start(options, workerId, workerId > 0 ? parent : null, System.out);
        } catch (OptionException | IOException e) {
            fail(e.getMessage());
            return;
        }
        if (workerId > 0) {
            answerPrimary(server, parent);
            WorkerChannel primary = parent;
            profileOnRequest(parent, new ProcessProfilers(workerId, "-worker" + workerId), primary::send);
        } else if (parent != null && server.cluster().isPresent()) {
            ClusterServer cluster = server.cluster().get();
            reloadOnRequest(cluster, parent);
            // The primary passes each command on to its workers, and is profiled too: behind
            // balance=proxy it copies every byte.
            parent.onMessage(text -> ProfileCommand.parse(text).ifPresent(cluster::profile));
            profileOnRequest(parent, new ProcessProfilers(0, "-primary"), ServerMain::printLine);
        } else if (parent != null) {
            profileOnRequest(parent, new ProcessProfilers(0, ""), ServerMain::printLine);
        }
        if (options.statsIntervalMillis() > 0 && options.mode() != Mode.CLUSTER) {
            printStats(server, workerId, workerId > 0 ? parent : null, options.statsIntervalMillis());
        }
        server.failure().thenAccept(reason -> System.exit(EXIT_GAVE_UP)); // the reason is printed already
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "corelab-shutdown"));
        System.out.println(server.readyLine().format());
        System.out.flush();
        try {
            // The process ends in System.exit or on a signal, never by returning from main:
            // main returning while a SIGTERM shutdown runs races it, and can turn exit code 143 into 0.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A cluster worker answers its primary: a {@link StatsQuery} with its request count, and a
     * disconnect by finishing its requests and exiting (Node.js's {@code worker.disconnect()}).
     */
    private static void answerPrimary(RunningServer server, WorkerChannel primary) {
        primary.onMessage(text -> {
            if (StatsQuery.parse(text).isPresent()) {
                primary.send(stats(server));
            }
        });
        AtomicBoolean disconnecting = new AtomicBoolean();
        primary.onDisconnect(grace -> {
            if (disconnecting.compareAndSet(false, true)) {
                Thread.ofPlatform().name("corelab-disconnect").start(() -> {
                    server.disconnect(grace);
                    System.exit(0);
                });
            }
        });
    }

    private static StatsReport stats(RunningServer server) {
        return new StatsReport(server.requestsHandled(), server.refusedConnections());
    }

    /**
     * The harness's {@link ProfileCommand}s, one at a time on the channel's thread: a dump's
     * answers (one per recorder) go to {@code answer} once its files are complete; a failure is printed, and the
     * harness, waiting for the answer, reports it with the output.
     */
    private static void profileOnRequest(WorkerChannel parent, ProcessProfilers profiler,
                                         Consumer<ProfileDumped> answer) {
        parent.onMessage(text -> ProfileCommand.parse(text).ifPresent(command -> {
            try {
                profiler.handle(command).forEach(answer);
            } catch (IOException | RuntimeException e) {
                printLine("corelab: profile " + command.action().name().toLowerCase(Locale.ROOT) + " failed: "
                        + e.getMessage());
            }
        }));
    }

    private static void printLine(Object line) {
        synchronized (System.out) {
            System.out.println(line instanceof ProfileDumped dumped ? dumped.format() : line);
            System.out.flush();
        }
    }

    /** Java has no portable SIGHUP: a cluster primary reloads on a {@link Reload} message instead. */
    private static void reloadOnRequest(ClusterServer cluster, WorkerChannel parent) {
        parent.onMessage(text -> {
            if (Reload.parse(text).isPresent()) {
                Thread.ofPlatform().name("corelab-reload").start(() -> {
                    try {
                        cluster.reload();
                    } catch (IOException e) {
                        System.out.println("corelab: " + e.getMessage());
                    }
                });
            }
        });
    }

    /**
     * A {@link StatsLine} every interval: how the harness learns what each process has
     * served and refused. A cluster worker sends its count to its primary as a {@link StatsReport}
     * instead, and the primary prints the line.
     */
    private static void printStats(RunningServer server, int workerId, WorkerChannel primary, int intervalMillis) {
        Thread.ofPlatform().daemon(true).name("corelab-stats").start(() -> {
            long pid = ProcessHandle.current().pid();
            while (true) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (primary != null) {
                    primary.send(stats(server));
                } else {
                    System.out.println(new StatsLine(pid, workerId, server.requestsHandled(),
                            server.refusedConnections()).format());
                    System.out.flush();
                }
            }
        });
    }

    /**
     * Standard input closed: the process that started this one is gone, however it died,
     * so this one exits too and no orphan keeps the port.
     */
    private static void parentGone() {
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(1); // a shutdown that hangs must not leave an orphan
        });
        System.exit(0);
    }

    private static void fail(String message) {
        System.err.println("corelab: " + message);
        System.exit(EXIT_CANNOT_START);
    }
}
