package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cluster primary's word that a reload replaced one worker: the old process exited after
 * its replacement listened. {@code corelab-worker-reloaded id=1 pid=4242 -> pid=4343}.
 */
public record WorkerReloadedLine(int id, long oldPid, long newPid) {
    private static final Pattern FORM = Pattern.compile("corelab-worker-reloaded id=(\\d+) pid=(\\d+) -> pid=(\\d+)");

    public WorkerReloadedLine {
        Lines.require(id > 0, "a worker id is positive, was " + id);
        Lines.require(oldPid > 0 && newPid > 0, "a pid is positive, were " + oldPid + " and " + newPid);
    }

    public static Optional<WorkerReloadedLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new WorkerReloadedLine(
                Integer.parseInt(match.group(1)), Long.parseLong(match.group(2)), Long.parseLong(match.group(3))));
    }

    public String format() {
        return "corelab-worker-reloaded id=" + id + " pid=" + oldPid + " -> pid=" + newPid;
    }
}
