package corelab.modes.cluster;

import corelab.modes.http.HttpLimits;
import corelab.modes.http.ServerSocketConfig;
import corelab.modes.process.ChildProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code balance=nginx}: how production runs a pool of Node.js processes. Debian's nginx
 * listens on the cluster's port and proxies to the workers, each on a loopback port of its
 * own, over kept-alive upstream connections. corelab writes the configuration into a
 * temporary directory and runs nginx in the foreground ({@code daemon off}) as a
 * {@link ChildProcess} of the primary: the harness, which samples the primary's process
 * tree, counts nginx's CPU and memory with the cluster's, and nginx with its workers dies
 * with the primary, even after SIGKILL.
 *
 * <p>Each worker id keeps its port ({@link WorkerPorts}), so the configuration is written
 * once: a worker that died is skipped by nginx until its replacement listens on the same
 * port, and a reload's old and new worker share it for a moment. If nginx itself dies, no connection reaches any worker: the cluster stops and says so,
 * rather than keep workers that nobody can reach.
 */
final class NginxFront implements Front {
    static final String INSTALL_HINT = "apt-get install nginx";
    /** Names the nginx to run instead of the one found on the PATH or in /usr/sbin. */
    static final String EXECUTABLE_VARIABLE = "CORELAB_NGINX";
    private static final long START_TIMEOUT_SECONDS = 30;
    static final String DIRECTORY_PREFIX = "corelab-nginx-";
    /** The primary's pid, in its directory: a primary killed by SIGKILL cannot delete its own. */
    static final String OWNER_FILE = "primary.pid";

    private final Path nginx;
    private final InetSocketAddress address;
    private final HttpLimits limits;
    private final WorkerPorts workers;
    private final PrintStream log;
    private final Consumer<String> died;
    private final Path directory;
    private ChildProcess process; // guarded by this
    private boolean closed; // guarded by this
    private boolean serving; // guarded by this; before, a failed start is the constructor's error to report

    private NginxFront(Path nginx, InetSocketAddress address, HttpLimits limits, WorkerPorts workers, PrintStream log,
                       Consumer<String> died, Path directory) {
        this.nginx = nginx;
        this.address = address;
        this.limits = limits;
        this.workers = workers;
        this.log = log;
        this.died = died;
        this.directory = directory;
    }

    /**
     * Checks, before any worker starts, that nginx is installed and that the port is free
     * (and picks one for port 0). Between this check and nginx's own bind another program
     * could take the port; nginx then fails to start and says so.
     */
    static NginxFront prepare(String host, int port, HttpLimits limits, WorkerPorts workers, PrintStream log,
                              Consumer<String> died) throws IOException {
        Path nginx = find().orElseThrow(() -> new IOException("balance=nginx needs nginx, which is not installed"
                + (System.getenv(EXECUTABLE_VARIABLE) != null ? " at " + EXECUTABLE_VARIABLE + "=" + System.getenv(EXECUTABLE_VARIABLE) : "")
                + "; install it with: " + INSTALL_HINT));
        InetSocketAddress address;
        try (ServerSocketChannel probe = new ServerSocketConfig(host, port, false, HttpLimits.DEFAULTS).open()) {
            address = (InetSocketAddress) probe.getLocalAddress();
        }
        deleteDirectoriesOfDeadPrimaries();
        // Readable by all: nginx started by root runs its workers as nobody, who must reach the temp paths.
        Path directory = Files.createTempDirectory(DIRECTORY_PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        return new NginxFront(nginx, address, limits, workers, log, died, directory);
    }

    /** {@code CORELAB_NGINX} if set (another build, or a test that needs a missing one); else the installed nginx. */
    static Optional<Path> find() {
        String chosen = System.getenv(EXECUTABLE_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        return ChildProcess.find("nginx");
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** Writes the configuration, starts nginx, and returns once it accepts connections. */
    @Override
    public void workersListening() throws IOException {
        Files.writeString(config(), NginxConfig.render(address, workers.addresses(), directory, limits));
        ChildProcess started;
        synchronized (this) {
            if (closed) {
                return;
            }
            // In a process group of its own, tied to this JVM: nginx's workers do not exit
            // when their master dies, and nginx does not notice when this JVM dies.
            started = ChildProcess.start(command(), directory, line -> log.println("[nginx] " + line));
            process = started;
        }
        log.println("corelab: nginx started (pid " + started.pid() + "), configuration in " + config());
        started.exited().thenAccept(code -> exited(started, code));
        awaitAccepting(started);
        synchronized (this) {
            serving = true;
        }
    }

    private List<String> command() {
        // -e: the error log before the configuration is read; Debian's default path needs root.
        return List.of(nginx.toString(), "-p", directory.toString(), "-c", config().toString(), "-e", "stderr");
    }

    private Path config() {
        return directory.resolve("nginx.conf");
    }

    /** nginx exited: expected after {@link #close}, otherwise the cluster cannot go on. */
    private void exited(ChildProcess started, int code) {
        synchronized (this) {
            if (closed || !serving) {
                return;
            }
        }
        died.accept("nginx (pid " + started.pid() + ") exited with code " + code
                + "; without it no connection reaches the workers, so the cluster stops");
    }

    private void awaitAccepting(ChildProcess started) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException("nginx exited with code " + started.exited().join()
                        + " before it accepted connections (its output is above)");
            }
            try (Socket probe = new Socket()) {
                probe.connect(address, 1000);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("nginx did not accept connections on " + address + " within "
                + START_TIMEOUT_SECONDS + " s");
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for nginx");
        }
    }

    @Override
    public void close() {
        ChildProcess running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = process;
        }
        if (running != null) {
            running.close(); // SIGTERM, nginx's fast shutdown, to its whole group
        }
        workers.close();
        deleteDirectory(directory);
    }

    /** The directories that primaries killed by SIGKILL left behind, found by their owner's pid. */
    static void deleteDirectoriesOfDeadPrimaries() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> directories = Files.list(temp)) {
            directories.filter(dir -> dir.getFileName().toString().startsWith(DIRECTORY_PREFIX))
                    .filter(dir -> ownerGone(dir.resolve(OWNER_FILE)))
                    .forEach(NginxFront::deleteDirectory);
        } catch (IOException | UncheckedIOException ignored) {
            // tidying only
        }
    }

    private static boolean ownerGone(Path ownerFile) {
        try {
            long pid = Long.parseLong(Files.readString(ownerFile).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // not ours to judge (or being written right now)
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
