package corelab.harness.server;

import corelab.modes.NodeProgram;
import corelab.modes.ServerMain;
import corelab.modes.options.Mode;
import corelab.modes.options.ServerArgs;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.ChildProcess;
import corelab.modes.process.JvmCommand;
import corelab.modes.process.LinePump;
import corelab.modes.process.LiveChildren;
import corelab.modes.process.ProcessTree;
import corelab.modes.process.RecentLines;
import corelab.modes.wire.MessageLine;
import corelab.modes.wire.ChannelMessage;
import corelab.modes.wire.ProfileDumped;
import corelab.modes.wire.ReadyLine;
import corelab.modes.wire.Reload;
import corelab.modes.wire.StatsLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server under test, running as its own process tree (a cluster: the primary and its
 * workers), seen from the harness: where it listens, what it has served, and a
 * {@link #close()} that leaves nothing behind.
 *
 * <p>Lifecycle, explicitly: the constructor-like {@code start} methods return only once the
 * server is ready, so no load reaches a server still starting; a server that dies or hangs
 * on the way is one {@link IOException}. Its output is drained continuously. Its stdin is a
 * pipe the harness writes only to profile a corelab server ({@link #send}): if the harness JVM dies, even by SIGKILL, the kernel closes
 * it and a corelab server exits ({@code exitWithStdin=true}), its cluster workers with it; a
 * foreign server runs as a {@link ChildProcess} (its own process group, whose watcher kills
 * the group when that pipe closes), so it dies too even if it ignores its stdin and SIGTERM.
 * On an orderly exit or Ctrl-C, a shutdown hook closes every server still open.
 */
public final class ServerProcess implements AutoCloseable {
    /** How long {@link #close()} lets the server stop by itself (SIGTERM) before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The harness reads per-process request counts from these lines; one a second is plenty. */
    static final int STATS_INTERVAL_MILLIS = 1000;

    private final Process process;
    private final List<String> command;
    private final String description;
    private final InetSocketAddress address;
    private final OutputPump output;
    /** True for corelab's own server program, which reads messages on its stdin ({@link #send}). */
    private final boolean corelabServer;
    /** A directory the server's program keeps state in for this run only (PM2_HOME), or null. */
    private final Path scratch;
    private boolean closed; // guarded by this

    private ServerProcess(Process process, List<String> command, String description, InetSocketAddress address,
                          OutputPump output, boolean corelabServer, Path scratch) {
        this.scratch = scratch;
        this.process = process;
        this.command = command;
        this.description = description;
        this.address = address;
        this.output = output;
        this.corelabServer = corelabServer;
    }

    /**
     * Starts a corelab mode as its own process, restricted to {@code cores} CPUs (0: no
     * restriction), with {@code statsIntervalMillis=1000}, and waits for its ready line.
     * {@code jvmFlags} go to every JVM of the server: the root's command line, and a cluster's
     * workers through their primary ({@code workerJvmFlags}), so every mode runs with the same heap.
     */
    public static ServerProcess startMode(ServerOptions options, int cores, List<String> jvmFlags,
                                          Duration readyTimeout) throws IOException {
        requirePositive(readyTimeout);
        ServerOptions measured = options.withStatsIntervalMillis(STATS_INTERVAL_MILLIS);
        if (options.mode() == Mode.CLUSTER) {
            measured = measured.withWorkerJvmFlags(jvmFlags);
        }
        // exitWithStdin=true: the lifeline, see the class comment
        List<String> args = new ServerArgs(measured, 0, true).toArgs();
        List<String> command = new ArrayList<>(Cores.commandPrefix(cores));
        command.addAll(JvmCommand.forMain(ServerMain.class, jvmFlags, args));
        String what = "the corelab server (mode=" + options.mode().word() + ")";
        Process process = launch(command, true, what);
        OutputPump output = OutputPump.start(process, process.getInputStream(), true);
        ReadyLine ready = ReadyWait.forReadyLine(process, output, readyTimeout, what);
        // The ready line's address is numeric: no name lookup here.
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(ready.host()), ready.port());
        return new ServerProcess(process, List.copyOf(command), "mode=" + ready.mode() + " pid=" + process.pid(),
                address, output, true, null);
    }

    /**
     * Starts any command as the server, through {@code sh -c}: {@code {port}} in the template
     * becomes a free port on {@code host} that corelab picks. It is ready once that port
     * accepts a TCP connection. Nothing is known of its requests: {@link #statsByProcess()} is empty.
     */
    public static ServerProcess startCommand(String commandTemplate, String host, int cores, Duration readyTimeout)
            throws IOException {
        requirePositive(readyTimeout);
        if (!commandTemplate.contains("{port}")) {
            throw new IllegalArgumentException("the command must say where to listen with {port}, was: "
                    + commandTemplate);
        }
        InetAddress listenAddress = InetAddress.getByName(host);
        int port = freePort(listenAddress);
        String shellCommand = commandTemplate.replace("{port}", Integer.toString(port));
        List<String> command = new ArrayList<>(Cores.commandPrefix(cores));
        command.addAll(List.of("sh", "-c", shellCommand));
        String what = "the server '" + shellCommand + "'";
        // Under ChildProcess's wrapper: a process group of its own and a watcher on the stdin lifeline, so a
        // server that ignores its stdin still dies with a SIGKILLed harness. Its output is the wrapper's stderr.
        // The core restriction goes outside, so the wrapper and its watcher keep to those cores too.
        List<String> wrapped = new ArrayList<>(Cores.commandPrefix(cores));
        wrapped.addAll(ChildProcess.lifelineCommand(List.of("sh", "-c", shellCommand)));
        Process process = launch(wrapped, false, what);
        ChildProcess.programPid(process, what);
        OutputPump output = OutputPump.start(process, process.getErrorStream(), false);
        InetSocketAddress address = new InetSocketAddress(listenAddress, port);
        ReadyWait.forPort(process, output, address, readyTimeout, what);
        return new ServerProcess(process, List.copyOf(command), shellCommand, address, output, false, null);
    }

    /**
     * Starts the seeds' Node.js program ({@link NodeProgram}) as {@code mode} (node, node-cluster,
     * node-pm2) with {@code options}' work sizes, backend and address, and {@code workers} workers
     * where it has workers. It runs under {@link ChildProcess}'s wrapper, in a process group of its
     * own that dies with the harness however the harness ends, and speaks corelab's lines, so it is
     * ready at its ready line. Under PM2 it gets a PM2_HOME of its own, deleted at {@link #close()}.
     */
    public static ServerProcess startNode(ServerOptions options, Mode mode, int workers, int cores,
                                          Duration readyTimeout) throws IOException {
        requirePositive(readyTimeout);
        Path pm2Home = mode == Mode.NODE_PM2 ? Files.createTempDirectory("corelab-pm2-") : null;
        List<String> program = NodeProgram.command(options.withStatsIntervalMillis(STATS_INTERVAL_MILLIS), mode, workers,
                pm2Home);
        String what = "the Node.js program (mode=" + mode.word() + ")";
        List<String> wrapped = new ArrayList<>(Cores.commandPrefix(cores));
        wrapped.addAll(ChildProcess.lifelineCommand(program));
        try {
            Process process = launch(wrapped, false, what);
            long pid = ChildProcess.programPid(process, what);
            OutputPump output = OutputPump.start(process, process.getErrorStream(), true);
            ReadyLine ready = ReadyWait.forReadyLine(process, output, readyTimeout, what);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(ready.host()), ready.port());
            List<String> command = new ArrayList<>(Cores.commandPrefix(cores));
            command.addAll(program);
            return new ServerProcess(process, List.copyOf(command), "mode=" + ready.mode() + " pid=" + pid, address,
                    output, false, pm2Home);
        } catch (IOException | RuntimeException e) {
            deleteTree(pm2Home);
            throw e;
        }
    }

    private static Process launch(List<String> command, boolean mergeErrors, String what) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(mergeErrors)
                .redirectInput(ProcessBuilder.Redirect.PIPE); // the lifeline: see the class comment
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + what + ": " + e.getMessage(), e);
        }
        LiveChildren.add(process, STOP_GRACE); // from now on, a harness that exits takes the server with it
        return process;
    }

    /**
     * A port nobody listens on now. Another program could take it before the server binds
     * it: unlikely for a kernel-chosen ephemeral port, and then the server usually fails to
     * start, loudly, though the readiness probe could mistake the intruder for it.
     */
    private static int freePort(InetAddress host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, host)) {
            return socket.getLocalPort();
        }
    }

    private static void requirePositive(Duration readyTimeout) {
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The root process: the one the harness started ({@code taskset} execs, so it is not taskset). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String description() {
        return description;
    }

    /** The exact command line that started the server, for the console and the results. */
    public List<String> command() {
        return command;
    }

    /**
     * The latest {@code corelab-stats} line (cumulative requests and refused connections) of
     * each process that serves requests (a cluster's workers, not its primary), by pid; a
     * worker that died keeps its last counts. Empty for a foreign command.
     */
    public Map<Long, StatsLine> statsByProcess() {
        return output.statsByPid();
    }

    /** The last {@value OutputPump#RECENT_LINES} lines of output but {@code corelab-stats}, for error messages. */
    public List<String> recentOutput() {
        return output.recentLines();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * One message to a corelab server over its stdin, which its {@code WorkerChannel} reads (a
     * cluster's primary passes profiling commands on to its workers). False when the server is
     * gone or is not corelab's.
     */
    public boolean send(ChannelMessage message) {
        if (!corelabServer) {
            return false;
        }
        try {
            OutputStream stdin = process.getOutputStream();
            synchronized (stdin) {
                stdin.write((new MessageLine(message).format() + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answers to {@code profile dump} so far, each process's, in order. */
    public List<ProfileDumped> profileDumps() {
        return output.profileDumps();
    }

    /** A cluster's workers as they came online, replacements included, in order; empty for other servers. */
    public List<WorkerOnline> workersOnline() {
        return output.workersOnline();
    }

    /**
     * The fault a supervisor must survive: SIGKILL to the root process only. Returns the
     * whole tree as it was just before, for {@link ProcessTree#awaitGone}: orphans are
     * nobody's descendants any more, so the listing must come first.
     */
    public ProcessTree killRootForcibly() {
        ProcessTree tree = ProcessTree.of(process.toHandle());
        process.destroyForcibly();
        return tree;
    }

    /**
     * The graceful counterpart of {@link #killRootForcibly()}: SIGTERM to the root process only,
     * which drains (a corelab server answers its requests in flight, a cluster's primary drains
     * its workers) and exits. Through the handle: {@link Process#destroy()} would also close the
     * server's stdin, its lifeline, and it would exit at once without draining.
     */
    public ProcessTree terminateRoot() {
        ProcessTree tree = ProcessTree.of(process.toHandle());
        process.toHandle().destroy();
        return tree;
    }

    /** The root process's exit code once it has exited by itself, else empty. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Replaces every worker while the server serves: a corelab cluster's rolling reload (a
     * {@link Reload} on its primary's standard input, as {@code ServerMain} reads it), or
     * {@code pm2 reload all} for the Node.js program under PM2, against this run's PM2_HOME.
     * Returns once the reload is asked for (PM2's: once {@code pm2 reload} has returned).
     */
    public void reload() throws IOException, InterruptedException {
        if (scratch != null) {
            Process pm2 = new ProcessBuilder(NodeProgram.pm2Reload(scratch)).redirectErrorStream(true).start();
            RecentLines said = new RecentLines(20);
            LinePump.start("corelab-pm2-reload", pm2.getInputStream(), said::add, () -> { });
            // PM2 replaces one worker at a time and waits for each to listen: a generous bound.
            if (!pm2.waitFor(6 * STOP_GRACE.toSeconds(), TimeUnit.SECONDS) || pm2.exitValue() != 0) {
                pm2.destroyForcibly();
                throw new IOException("pm2 reload failed: " + String.join(" / ", said.list()));
            }
            return;
        }
        if (!description.startsWith("mode=" + Mode.CLUSTER.word() + " ")) {
            throw new IllegalStateException(description + " has no workers to reload");
        }
        OutputStream primary = process.getOutputStream();
        primary.write((new MessageLine(new Reload()).format() + "\n").getBytes(StandardCharsets.UTF_8));
        primary.flush();
    }

    /**
     * SIGTERM to the root (a corelab cluster primary stops its workers itself), up to
     * {@link #STOP_GRACE} for it to exit, then SIGKILL to every process of the tree still
     * alive; returns once none is. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ProcessTree.stop(process, STOP_GRACE);
        } finally {
            LiveChildren.remove(process);
            deleteTree(scratch); // after the tree has stopped: nothing writes there any more
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system's cleaning takes what is left
        }
    }

    @Override
    public String toString() {
        return description + " at " + address.getHostString() + ":" + address.getPort();
    }
}
