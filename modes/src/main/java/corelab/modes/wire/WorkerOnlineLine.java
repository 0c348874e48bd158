package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cluster primary's word that a worker listens (its ready line arrived):
 * {@code corelab-worker-online id=1 pid=4242}. A restarted or reloaded worker keeps its id and
 * gets a new pid. The harness counts these to see a killed worker come back.
 */
public record WorkerOnlineLine(int id, long pid) {
    private static final Pattern FORM = Pattern.compile("corelab-worker-online id=(\\d+) pid=(\\d+)");

    public WorkerOnlineLine {
        Lines.require(id > 0, "a worker id is positive, was " + id);
        Lines.require(pid > 0, "a pid is positive, was " + pid);
    }

    public static Optional<WorkerOnlineLine> parse(String line) {
        return Lines.parse(FORM, line,
                match -> new WorkerOnlineLine(Integer.parseInt(match.group(1)), Long.parseLong(match.group(2))));
    }

    public String format() {
        return "corelab-worker-online id=" + id + " pid=" + pid;
    }
}
