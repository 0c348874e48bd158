package corelab.modes.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Harness to server, and primary to worker: drive the in-process profiler at a measured
 * trial's boundaries. {@code profile load event=jfr} readies a recorder before the warmups, so that
 * loading it (a second of the Flight Recorder's set-up, async-profiler's library) falls in no
 * trial; {@code profile start event=cpu} starts it (or resumes it, adding to
 * what earlier trials sampled), {@code profile stop} stops it, and {@code profile dump
 * to=/results/x/profiles/single-hello} writes what it sampled to files named from that
 * prefix; each process answers a dump with a {@link ProfileDumped}.
 */
public record ProfileCommand(Action action, String event, String toPrefix) implements ChannelMessage {
    private static final Pattern FORM = Pattern.compile("profile (load|start|stop|dump)(?: event=(\\S+))?(?: to=(.+))?");
    /** An event is a word of {@code -Dprofile}; the server reads it as its {@code ProfileEvent}. */
    private static final Pattern EVENT = Pattern.compile("[a-z]+");

    public enum Action { LOAD, START, STOP, DUMP }

    public ProfileCommand {
        Lines.require(action != null, "a profile command has an action");
        Lines.require((action == Action.START || action == Action.LOAD) == (event != null),
                "an event with start and load, and only with them");
        Lines.require((action == Action.DUMP) == (toPrefix != null && !toPrefix.isBlank()),
                "a file prefix with dump, and only with dump");
        if (event != null) {
            Lines.require(EVENT.matcher(event).matches(), "an event is one lower-case word, was " + event);
        }
        if (toPrefix != null) {
            Lines.oneLine(toPrefix, "a file prefix");
        }
    }

    public static ProfileCommand start(String event) {
        return new ProfileCommand(Action.START, event, null);
    }

    public static ProfileCommand load(String event) {
        return new ProfileCommand(Action.LOAD, event, null);
    }

    public static ProfileCommand stop() {
        return new ProfileCommand(Action.STOP, null, null);
    }

    public static ProfileCommand dump(String toPrefix) {
        return new ProfileCommand(Action.DUMP, null, toPrefix);
    }

    public static Optional<ProfileCommand> parse(String text) {
        return Lines.parse(FORM, text, match -> new ProfileCommand(
                Action.valueOf(match.group(1).toUpperCase(Locale.ROOT)),
                match.group(2), match.group(3)));
    }

    @Override
    public String format() {
        return "profile " + action.name().toLowerCase(Locale.ROOT)
                + (event == null ? "" : " event=" + event)
                + (toPrefix == null ? "" : " to=" + toPrefix);
    }
}
