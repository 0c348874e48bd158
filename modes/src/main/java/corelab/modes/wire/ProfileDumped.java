package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A process's answer to {@code profile dump}: its profile is complete on disk, one answer per
 * recorder. {@code corelab-profiled pid=4242 worker=0 engine=perf_events samples=1200 file=/results/x/single.collapsed}:
 * async-profiler's collapsed stacks, with its interactive flame graph beside them ({@code .html}
 * for {@code .collapsed}); {@code engine} is what sampled: {@code perf_events}, or a timer
 * ({@code itimer}, {@code ctimer}) with no kernel frames. {@code engine=jfr} is the JDK Flight
 * Recorder's {@code .jfr} file instead, and {@code samples} its count of events. {@code workerId}
 * is 0 outside a cluster's workers; a worker sends this to its primary, which prints it as a
 * {@link ForwardedLine}.
 */
public record ProfileDumped(long pid, int workerId, String engine, long samples, String file)
        implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile(
            "corelab-profiled pid=(\\d+) worker=(\\d+) engine=(\\S+) samples=(\\d+) file=(.+)");
    private static final String COLLAPSED = ".collapsed";
    /** The engine word of a JDK Flight Recorder recording. */
    public static final String JFR = "jfr";

    public ProfileDumped {
        Lines.require(pid > 0, "a pid is positive, was " + pid);
        Lines.require(workerId >= 0, "a worker id is 0 (no worker) or more, was " + workerId);
        Lines.require(engine != null && !engine.isBlank() && !engine.contains(" "), "an engine is one word");
        Lines.require(samples >= 0, "a count of samples is 0 or more, was " + samples);
        String ending = JFR.equals(engine) ? ".jfr" : COLLAPSED;
        Lines.require(file != null && file.endsWith(ending), "a file of engine " + engine + " ends in " + ending);
        Lines.oneLine(file, "a file name");
    }

    /** Whether this is a JDK Flight Recorder recording rather than async-profiler's stacks. */
    public boolean flightRecording() {
        return JFR.equals(engine);
    }

    /** The interactive flame graph written beside async-profiler's collapsed stacks. */
    public String flameGraph() {
        return file.substring(0, file.length() - COLLAPSED.length()) + ".html";
    }

    public static Optional<ProfileDumped> parse(String line) {
        return Lines.parse(FORM, line, match -> new ProfileDumped(Long.parseLong(match.group(1)),
                Integer.parseInt(match.group(2)), match.group(3), Long.parseLong(match.group(4)), match.group(5)));
    }

    @Override
    public String format() {
        return "corelab-profiled pid=" + pid + " worker=" + workerId + " engine=" + engine + " samples=" + samples
                + " file=" + file;
    }
}
