package corelab.modes;

import corelab.modes.cluster.ClusterServer;
import corelab.modes.cluster.WorkerChannel;
import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerArgs;
import corelab.modes.options.ServerOptions;
import corelab.modes.profile.ProcessProfilers;
import corelab.modes.wire.CrashLoop;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.Reload;
import corelab.modes.wire.StatsLine;
import corelab.modes.wire.StatsQuery;
import corelab.modes.wire.StatsReport;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The entry point of a server process: {@code java -cp ... corelab.modes.ServerMain
 * mode=single port=0 ...}. It prints its {@link ReadyLine} once it accepts connections and, on
 * SIGTERM, stops gracefully ({@link #stopGracefully}). A cluster worker ({@code workerId=N}) talks with its primary
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
    /** Exit code for {@code failAtStart=true}: sysexits.h's {@code EX_CONFIG}, "configuration error". */
    public static final int EXIT_CONFIG = 78;

    /** Set once a drain began (or must not run), so that SIGTERM after a disconnect does not drain again. */
    private static final AtomicBoolean DRAINING = new AtomicBoolean();

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
            if (options.failAtStart()) {
                // What a process whose configuration became unreadable does, reproduced without breaking a file.
                System.err.println("corelab: failAtStart=true: exiting at start, as if the configuration could not"
                        + " be read");
                System.exit(EXIT_CONFIG);
            }
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
        Duration grace = Duration.ofMillis(options.shutdownGraceMillis());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(server, grace), "corelab-shutdown"));
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
            if (CrashLoop.parse(text).isPresent()) {
                // A crash, not a stop: no drain, no shutdown hook, as when a worker fails on its own.
                System.out.println("corelab: worker " + ProcessHandle.current().pid() + ": crash-loop fault: crashing"
                        + " (exit " + EXIT_CONFIG + "), as if its configuration could not be read");
                System.out.flush();
                Runtime.getRuntime().halt(EXIT_CONFIG);
            }
        });
        primary.onDisconnect(grace -> {
            if (DRAINING.compareAndSet(false, true)) {
                Thread.ofPlatform().name("corelab-disconnect").start(() -> {
                    server.disconnect(grace);
                    System.exit(0);
                });
            }
        });
    }

    /**
     * What SIGTERM does (the JVM runs this as its shutdown hook): nginx's graceful shutdown
     * ({@code nginx -s quit}: "wait for the worker processes to finish serving current requests")
     * rather than its fast one. The server closes its listener, so new connections go to a
     * sibling or are refused; answers each request in flight in full, with {@code Connection:
     * close}, after which the server must close the connection (RFC 9112, section 9.6); closes the
     * idle keep-alive connections, as Node.js's {@code server.close()} does since version 19
     * ({@code server.closeIdleConnections()} before); and returns once no connection is left, or
     * after {@code grace} ({@code shutdownGraceMillis}), when the rest are closed. A cluster
     * primary drains its workers the same way ({@link ClusterServer#disconnect}). Skipped when a
     * drain already ran (a worker disconnected by its primary) or nobody is left to answer (the
     * parent is gone).
     */
    private static void stopGracefully(RunningServer server, Duration grace) {
        if (DRAINING.compareAndSet(false, true)) {
            server.disconnect(grace);
        }
        server.close();
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

    /**
     * Java has no portable SIGHUP: a cluster primary reloads on a {@link Reload} message instead;
     * a {@link CrashLoop} makes its workers crash, and each of their replacements fail at start.
     */
    private static void reloadOnRequest(ClusterServer cluster, WorkerChannel parent) {
        parent.onMessage(text -> CrashLoop.parse(text).ifPresent(crash -> cluster.crashLoop()));
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
        DRAINING.set(true); // no drain: the process that would wait for it is gone, and a restart waits for the port
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
