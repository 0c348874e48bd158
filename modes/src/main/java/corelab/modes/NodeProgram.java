package corelab.modes;

import corelab.modes.options.Arguments;
import corelab.modes.options.Mode;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeds' Node.js cluster program ({@code servers/node/server.js}), as corelab starts it:
 * where it and {@code node} are, whether that {@code node} is new enough, and its command line,
 * made from the same {@link ServerOptions} as a Java mode's so the two serve the same work.
 * Its scheduling is Node's own: {@code NODE_CLUSTER_SCHED_POLICY} passes through the environment.
 */
public final class NodeProgram {
    /** {@code os.availableParallelism()} and a stable {@code cluster.isPrimary} came with Node 18. */
    public static final int MINIMUM_MAJOR_VERSION = 18;
    public static final String INSTALL_LINE = "apt-get install nodejs npm";
    /** The program, from the root of a clone. */
    static final Path PROGRAM = Path.of("servers", "node", "server.js");
    /** PM2, installed into the project by {@code npm ci --prefix servers/node}, never globally. */
    static final Path PM2_RUNTIME = Path.of("node_modules", ".bin", "pm2-runtime");
    public static final String PM2_INSTALL_LINE = "npm ci --prefix servers/node";
    /** The server options the program reads, by the same names and in the same form as a Java server's. */
    private static final List<String> OPTION_NAMES = List.of(ServerOptions.HOST.name(), ServerOptions.PORT.name(),
            ServerOptions.BACKEND_PORT.name(), ServerOptions.BACKEND_DELAY_MILLIS.name(),
            ServerOptions.CPU_ITERATIONS.name(), ServerOptions.STATS_INTERVAL_MILLIS.name());
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.\\d+\\.\\d+.*");

    private NodeProgram() {
    }

    /**
     * Why the program cannot run here, in one message with the install line, or empty when it can:
     * {@code node} missing or older than {@value #MINIMUM_MAJOR_VERSION}, or no {@code servers/node}.
     */
    public static Optional<String> problem(Mode mode) {
        Optional<String> node = problem();
        if (node.isPresent() || mode != Mode.NODE_PM2) {
            return node;
        }
        return Files.isExecutable(pm2Runtime()) ? Optional.empty()
                : Optional.of("mode=node-pm2 needs PM2 installed into the project: " + PM2_INSTALL_LINE);
    }

    /** Why no Node.js mode can run here (see {@link #problem(Mode)}), or empty. */
    public static Optional<String> problem() {
        Optional<Path> node = ChildProcess.find("node");
        if (node.isEmpty()) {
            return Optional.of("the Node.js modes need node " + MINIMUM_MAJOR_VERSION + " or newer, and there is none on"
                    + " the PATH; on Debian 12: " + INSTALL_LINE);
        }
        String version = version(node.get());
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < MINIMUM_MAJOR_VERSION) {
            return Optional.of("the Node.js modes need node " + MINIMUM_MAJOR_VERSION + " or newer, and " + node.get()
                    + " is '" + version + "'; on Debian 12: " + INSTALL_LINE);
        }
        if (program().isEmpty()) {
            return Optional.of("the Node.js modes need " + PROGRAM + " from corelab's clone; run from inside the clone");
        }
        return Optional.empty();
    }

    /**
     * The command that runs the program as {@code mode}: {@code node server.js cluster=... name=value...}
     * for {@code node} and {@code node-cluster} ({@code workers} of them), or
     * {@code env PM2_HOME=<pm2Home> pm2-runtime start server.js -i max -- name=value...} for {@code node-pm2},
     * "max" when {@code workers} is the default, one per core.
     */
    public static List<String> command(ServerOptions options, Mode mode, int workers, Path pm2Home) {
        Path node = ChildProcess.find("node").orElseThrow(() -> new IllegalStateException(problem().orElse("no node")));
        Path program = program().orElseThrow(() -> new IllegalStateException("no " + PROGRAM));
        Map<String, String> args = new LinkedHashMap<>();
        if (mode != Mode.NODE_PM2) {
            args.put("cluster", Boolean.toString(mode == Mode.NODE_CLUSTER));
            if (mode == Mode.NODE_CLUSTER) {
                args.put("workers", Integer.toString(workers));
            }
        }
        Map<String, String> all = options.toMap();
        OPTION_NAMES.forEach(name -> args.put(name, all.get(name)));
        List<String> command = new ArrayList<>();
        if (mode == Mode.NODE_PM2) {
            // A PM2_HOME of the run's own: PM2 keeps its pids, logs and sockets there, and no other PM2 sees them.
            command.addAll(List.of("env", "PM2_HOME=" + pm2Home, pm2Runtime().toString(), "start", program.toString(),
                    "-i", workers == ServerOptions.CORES ? "max" : Integer.toString(workers), "--"));
        } else {
            command.addAll(List.of(node.toString(), program.toString()));
        }
        command.addAll(Arguments.of(args));
        return command;
    }

    /** {@code env PM2_HOME=<pm2Home> pm2 reload all}: PM2's reload of the program {@link #command} started under PM2. */
    public static List<String> pm2Reload(Path pm2Home) {
        Path pm2 = pm2Runtime().resolveSibling("pm2");
        return List.of("env", "PM2_HOME=" + pm2Home, pm2.toString(), "reload", "all");
    }

    private static Path pm2Runtime() {
        return program().map(p -> p.resolveSibling(PM2_RUNTIME)).orElse(PM2_RUNTIME);
    }

    /** {@code servers/node/server.js} in this directory or the nearest one above it (a module's, under Maven). */
    public static Optional<Path> program() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PROGRAM);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String version(Path node) {
        try {
            Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
