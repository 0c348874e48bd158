package corelab.modes.options;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words for every mode and balancing strategy, as each place that shows them shows
 * them: the README's tables (a test checks they match), {@code -Dhelp=true}, the report's
 * legend of modes and the labs. The words themselves live on each {@link Mode} and
 * {@link Balance} constant; this is the one place that turns them into text, so that a
 * description changed there changes everywhere.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** The README's table of modes, in Markdown. */
    public static String modeTable() {
        return table("`-Dmode=`", Stream.of(Mode.values()), Mode::word, Mode::description, Mode::standsFor);
    }

    /** The README's table of balancing strategies, in Markdown. */
    public static String balanceTable() {
        return table("`-Dbalance=`", Stream.of(Balance.values()), Balance::word, Balance::description,
                Balance::standsFor);
    }

    /** One line a mode: "platform  thread-per-connection: ... (Tomcat's old BIO connector, ...)". */
    public static String modeLines() {
        return Stream.of(Mode.values()).map(Vocabulary::line).collect(Collectors.joining());
    }

    /** One line a strategy, as {@link #modeLines()}. */
    public static String balanceLines() {
        return Stream.of(Balance.values())
                .map(balance -> String.format(Locale.ROOT, "  %-9s %s (%s)%n", balance.word(), balance.description(),
                        balance.standsFor()))
                .collect(Collectors.joining());
    }

    /** What a mode is, for a sentence or a legend: "platform: thread-per-connection: ... (stands for ...)". */
    public static String describe(Mode mode) {
        return mode.word() + ": " + mode.description() + " (" + mode.standsFor() + ")";
    }

    private static String line(Mode mode) {
        return String.format(Locale.ROOT, "  %-9s %s (%s)%n", mode.word(), mode.description(), mode.standsFor());
    }

    private static <T> String table(String heading, Stream<T> rows, Function<T, String> word,
                                    Function<T, String> description, Function<T, String> standsFor) {
        return "| " + heading + " | what it is | what it stands for |\n| --- | --- | --- |\n"
                + rows.map(row -> "| `" + word.apply(row) + "` | " + description.apply(row) + " | "
                        + standsFor.apply(row) + " |\n").collect(Collectors.joining());
    }
}
