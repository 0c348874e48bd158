package corelab.modes.wire;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the records of this package read a line: the whole line has their form, and they accept its values. */
final class Lines {
    private Lines() {
    }

    /** Never throws: a reader tries several records on the same line, and one that throws would stop it. */
    static <T> Optional<T> parse(Pattern form, String line, Function<MatchResult, T> build) {
        Matcher matcher = form.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(build.apply(matcher));
        } catch (IllegalArgumentException e) { // a number beyond its type, or a value the record refuses
            return Optional.empty();
        }
    }

    /** The records' own check of their values. */
    static void require(boolean valid, String what) {
        if (!valid) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Text that travels inside a line must not end it early. */
    static String oneLine(String text, String what) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " is one line of text, was: " + text);
        }
        return text;
    }
}
