package corelab.modes;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of a server process: {@code java -cp ... corelab.modes.ServerMain
 * mode=single port=0 ...}. It prints its {@link ReadyLine} once it accepts connections and
 * exits cleanly on SIGTERM. A cluster worker ({@code workerId=N}) also exits as soon as
 * its primary is gone, however the primary died.
 */
public final class ServerMain {
    /** Exit code for a server that could not start (bad options, busy port). */
    public static final int EXIT_CANNOT_START = 2;
    /**
     * {@code exitWithStdin=true}: exit when standard input closes, that is when the process
     * that started this server dies. Cluster workers always do; the harness asks for it too.
     */
    public static final String EXIT_WITH_STDIN = "exitWithStdin";

    private ServerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                fail("arguments must be name=value, was '" + arg + "'");
            }
            given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int workerId = 0;
        String worker = given.remove("workerId");
        boolean exitWithStdin = "true".equals(given.remove(EXIT_WITH_STDIN));
        RunningServer server;
        ServerOptions options;
        try {
            if (worker != null) {
                workerId = OptionSpec.parseInt("workerId", worker, 1, 10_000);
            }
            if (worker != null || exitWithStdin) {
                watchParent();
            }
            options = ServerOptions.parse(given);
            server = RunningServer.start(options, workerId, System.out);
        } catch (OptionException | IOException e) {
            fail(e.getMessage());
            return;
        }
        if (options.statsIntervalMillis() > 0 && options.mode() != Mode.CLUSTER) {
            printStats(server, workerId, options.statsIntervalMillis());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "corelab-shutdown"));
        System.out.println(server.readyLine().format());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code corelab-stats pid=... worker=... requests=...} every interval: how the harness
     * learns what each process (each cluster worker, through its primary) has served.
     */
    private static void printStats(RunningServer server, int workerId, int intervalMillis) {
        Thread.ofPlatform().daemon(true).name("corelab-stats").start(() -> {
            long pid = ProcessHandle.current().pid();
            while (true) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("corelab-stats pid=" + pid + " worker=" + workerId
                        + " requests=" + server.requestsHandled());
                System.out.flush();
            }
        });
    }

    /**
     * A worker's standard input is a pipe from its primary (or the harness), which never
     * writes to it. When the parent dies, even by SIGKILL, the kernel closes the pipe, the
     * read below returns end-of-stream, and this process exits: no orphan keeps the port.
     */
    private static void watchParent() {
        Thread.ofPlatform().daemon(true).name("corelab-parent-watch").start(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the primary sends nothing; ignore anything that comes
                }
            } catch (IOException ignored) {
                // a broken pipe means the same: the primary is gone
            }
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(1); // a shutdown that hangs must not leave an orphan
            });
            System.exit(0);
        });
    }

    private static void fail(String message) {
        System.err.println("corelab: " + message);
        System.exit(EXIT_CANNOT_START);
    }
}
