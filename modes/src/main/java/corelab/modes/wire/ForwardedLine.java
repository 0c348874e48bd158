package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line of a worker's own output that its primary passes on, after the worker's id:
 * {@code [worker 2] <line>}. A primary prints each worker's {@link StatsLine} this way too,
 * so the harness reads a stats line whether it came from a process or through its primary.
 */
public record ForwardedLine(int workerId, String line) {
    private static final Pattern FORM = Pattern.compile("\\[worker (\\d+)\\] (.*)", Pattern.DOTALL);

    public ForwardedLine {
        Lines.require(workerId > 0, "a worker id is positive, was " + workerId);
        Lines.oneLine(line, "a forwarded line");
    }

    public static Optional<ForwardedLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new ForwardedLine(Integer.parseInt(match.group(1)), match.group(2)));
    }

    /** The line as its process wrote it: without {@code [worker N] } if it was forwarded, else itself. */
    public static String original(String line) {
        return parse(line).map(ForwardedLine::line).orElse(line);
    }

    public String format() {
        return "[worker " + workerId + "] " + line;
    }
}
