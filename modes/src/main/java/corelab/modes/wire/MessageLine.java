package corelab.modes.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message between a primary and a worker, either way, over the worker's standard input
 * or output ({@code process.send} in Node.js); also how a primary is asked to
 * {@link Reload} on its own standard input: {@code corelab-msg <text>}. The text is any one
 * line; the ones corelab gives a meaning are the {@link ChannelMessage}s.
 */
public record MessageLine(String text) {
    private static final String PREFIX = "corelab-msg ";
    /** Any text: the record refuses what would end the line early. */
    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "(.*)", Pattern.DOTALL);

    public MessageLine {
        Lines.oneLine(text, "a message");
    }

    public MessageLine(ChannelMessage message) {
        this(message.format());
    }

    public static Optional<MessageLine> parse(String line) {
        return Lines.parse(FORM, line, match -> new MessageLine(match.group(1)));
    }

    public String format() {
        return PREFIX + text;
    }
}
