package corelab.modes.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program that is not one of corelab's JVMs (nginx, redis-server, a harness's
 * {@code -DserverCmd}), started so that it can
 * never outlive the JVM that started it, however that JVM ends.
 *
 * <p>Why this is not just a {@link ProcessBuilder}: a corelab JVM child reads its standard
 * input and exits when it closes, so it dies with its parent even after a SIGKILL. nginx and
 * Redis do not, and Java has no {@code PR_SET_DEATHSIG}. And nginx's worker processes do not
 * exit when their master is killed: they are adopted by init and keep the port.
 *
 * <p>So the program runs under a small {@code sh} wrapper ({@link #WRAPPER}):
 * <ul>
 *   <li>{@code setsid} gives the program a process group of its own, so "the program" means
 *       every process it started (nginx's master and its workers);</li>
 *   <li>a watcher, in a group of its own too, reads the wrapper's standard input, a pipe from
 *       this JVM (an asynchronous command's standard input would be /dev/null, hence fd 3); the pipe closes
 *       when this JVM exits, even by SIGKILL, or when {@link #close()} closes it, and then the
 *       watcher sends SIGTERM to the group, and SIGKILL {@value #GRACE_SECONDS} s later;</li>
 *   <li>when the program's first process exits, whatever is left of its group is killed, and
 *       the wrapper exits with the program's status, so {@link #exited()} means "all gone".</li>
 * </ul>
 * The program's output (standard output and error) arrives line by line at the consumer; the
 * wrapper's own standard output carries only the program's process id.
 */
public final class ChildProcess implements AutoCloseable {
    static final int GRACE_SECONDS = 5;

    private static final String WRAPPER = String.join("\n",
            "exec 3<&0",
            "setsid \"$@\" </dev/null >&2 &",
            "child=$!",
            "echo \"$child\"",
            "setsid sh -c 'cat >/dev/null; kill -TERM -\"$1\" 2>/dev/null; sleep " + GRACE_SECONDS
                    + "; kill -KILL -\"$1\" 2>/dev/null' corelab-lifeline \"$child\" <&3 >/dev/null 2>&1 &",
            "watcher=$!",
            "exec 3<&-",
            // SIGTERM to this wrapper (a harness stopping its server) is passed to the program's group; the
            // wrapper keeps waiting, so the group is still killed when the program's first process exits.
            "trap 'kill -TERM -\"$child\" 2>/dev/null' TERM",
            "while :; do wait \"$child\"; status=$?; kill -0 \"$child\" 2>/dev/null || break; done",
            "kill -KILL -\"$child\" 2>/dev/null",
            "kill -KILL -\"$watcher\" 2>/dev/null",
            "exit \"$status\"");

    /** Where Debian puts daemons, which a non-root {@code PATH} often lacks. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private final String name;
    private final Process wrapper;
    private final long pid;
    private final CompletableFuture<Integer> exited;

    private ChildProcess(String name, Process wrapper, long pid) {
        this.name = name;
        this.wrapper = wrapper;
        this.pid = pid;
        this.exited = wrapper.onExit().thenApply(Process::exitValue);
    }

    /**
     * Starts {@code command} (its first element an executable path) and returns once it runs.
     * Each line it prints goes to {@code output}, on a daemon thread.
     */
    public static ChildProcess start(List<String> command, Path directory, Consumer<String> output) throws IOException {
        Process wrapper = new ProcessBuilder(lifelineCommand(command)).directory(directory.toFile()).start();
        String name = Path.of(command.get(0)).getFileName().toString();
        LinePump.start(name + "-output", wrapper.getErrorStream(), output, () -> { });
        return new ChildProcess(name, wrapper, programPid(wrapper, name));
    }

    /**
     * The command that runs {@code command} under the wrapper, for a caller that manages the
     * wrapper {@link Process} itself (a harness's foreign server): the wrapper's standard input is
     * the lifeline, its standard error the program's output, its standard output the program's
     * process id ({@link #programPid}); SIGTERM to the wrapper is SIGTERM to the program's group.
     */
    public static List<String> lifelineCommand(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", WRAPPER, "corelab-child"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Reads the program's process id, the one line a wrapper started by {@link #lifelineCommand} prints. */
    public static long programPid(Process wrapper, String name) throws IOException {
        BufferedReader pidLine = new BufferedReader(new InputStreamReader(wrapper.getInputStream(), StandardCharsets.US_ASCII));
        String line = pidLine.readLine();
        if (line == null) {
            wrapper.destroyForcibly();
            throw new IOException("could not start " + name + " (the shell that starts it ended at once)");
        }
        try {
            return Long.parseLong(line.strip());
        } catch (NumberFormatException e) {
            wrapper.destroyForcibly();
            throw new IOException("could not start " + name + ": unexpected output " + line);
        }
    }

    /**
     * Where {@code program} is installed: the directories of {@code PATH}, then the system
     * directories a daemon lives in. Empty when it is not installed.
     */
    public static Optional<Path> find(String program) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(":")));
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The program's process id (the leader of its process group). */
    public long pid() {
        return pid;
    }

    /** Completes with the program's exit status once it and its whole process group are gone. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    public boolean isAlive() {
        return wrapper.isAlive();
    }

    /**
     * Stops the program: SIGTERM to its group, SIGKILL after {@value #GRACE_SECONDS} s, and
     * returns once it is gone (or, should the wrapper itself hang, after killing it).
     */
    @Override
    public void close() {
        try {
            wrapper.getOutputStream().close(); // the lifeline: the watcher takes it from here
        } catch (IOException ignored) {
            // already closed: the watcher has seen it
        }
        try {
            if (!wrapper.waitFor(GRACE_SECONDS + 5, TimeUnit.SECONDS)) {
                wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
                wrapper.destroyForcibly();
            }
        } catch (InterruptedException e) {
            wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ")";
    }
}
