package corelab.modes.wire;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A cluster primary's word that a worker exited without being asked to, and what happens
 * next: {@code corelab-worker-exit id=1 pid=4242 code=137 signal=SIGKILL (restarting in 100 ms)},
 * or {@code ... (not restarted: another worker holds its id)} when a reload's replacement
 * already serves under its id. {@code signal} is there when the exit code says the process
 * died by one (128 + its number); {@code restartDelayMillis} is empty when it is not restarted.
 */
public record WorkerExitLine(int id, long pid, int exitCode, Optional<String> signal, OptionalLong restartDelayMillis) {
    private static final String NOT_RESTARTED = "not restarted: another worker holds its id";
    private static final Pattern FORM = Pattern.compile("corelab-worker-exit id=(\\d+) pid=(\\d+) code=(-?\\d+)"
            + "(?: signal=(SIG[A-Z0-9]+))? \\((?:restarting in (\\d+) ms|" + NOT_RESTARTED + ")\\)");
    private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9]+");

    public WorkerExitLine {
        Lines.require(id > 0, "a worker id is positive, was " + id);
        Lines.require(pid > 0, "a pid is positive, was " + pid);
        Lines.require(signal.map(name -> SIGNAL.matcher(name).matches()).orElse(true), "not a signal: " + signal);
        Lines.require(restartDelayMillis.orElse(0) >= 0, "a restart delay is 0 ms or more, was " + restartDelayMillis);
    }

    public static Optional<WorkerExitLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new WorkerExitLine(
                Integer.parseInt(match.group(1)), Long.parseLong(match.group(2)), Integer.parseInt(match.group(3)),
                Optional.ofNullable(match.group(4)),
                match.group(5) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(match.group(5)))));
    }

    /** How an exit reads, in this line and in messages: {@code code=1}, or {@code code=137 signal=SIGKILL}. */
    public static String describe(int exitCode, Optional<String> signal) {
        return "code=" + exitCode + signal.map(name -> " signal=" + name).orElse("");
    }

    public String format() {
        String next = restartDelayMillis.isPresent()
                ? "restarting in " + restartDelayMillis.getAsLong() + " ms"
                : NOT_RESTARTED;
        return "corelab-worker-exit id=" + id + " pid=" + pid + " " + describe(exitCode, signal) + " (" + next + ")";
    }
}
