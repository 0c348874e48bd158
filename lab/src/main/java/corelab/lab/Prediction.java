package corelab.lab;

import corelab.results.ConfigurationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A lab's predictions, written as values before the run and checked against it after:
 *
 * <pre>{@code
 * var guesses = Prediction.of(
 *         Guess.throughput("single io", 3000),
 *         Guess.p99("single mixed", 100));
 * ... the run ...
 * System.out.println(guesses.against(run));
 * }</pre>
 *
 * Each guess is set beside the measured figure with its 95% interval, and how far off it was; a guess
 * inside the interval is as right as the run can tell.
 */
public final class Prediction {
    private final List<Guess> guesses;

    private Prediction(List<Guess> guesses) {
        this.guesses = List.copyOf(guesses);
    }

    public static Prediction of(Guess... guesses) {
        return new Prediction(Arrays.asList(guesses));
    }

    public List<Guess> guesses() {
        return guesses;
    }

    /**
     * One line per guess: the guess, the measured figure, and how far apart they are. With several runs
     * (a lab in two parts), a guess's words pick one configuration among all of theirs.
     */
    public String against(LabRun... runs) {
        List<ConfigurationResult> configurations = Arrays.stream(runs)
                .flatMap(run -> run.result().configurations().stream()).toList();
        List<String> lines = new ArrayList<>();
        for (Guess guess : guesses) {
            lines.add(line(guess, configurations));
        }
        return String.join("\n", lines);
    }

    static String line(Guess guess, List<ConfigurationResult> configurations) {
        String what = guess.words() + ", " + guess.measure().unit() + ": ";
        List<ConfigurationResult> matching = ConfigurationWords.matching(guess.words(), configurations);
        if (matching.size() != 1) {
            return what + ConfigurationWords.notOne(matching, configurations);
        }
        ConfigurationResult configuration = matching.get(0);
        Optional<Guess.Figure> measured = guess.measure().of(configuration);
        if (measured.isEmpty()) {
            return what + "this run did not measure it for " + configuration.configuration().id();
        }
        Guess.Figure m = measured.get();
        String figure = number(m.mean()) + (m.hasInterval() ? " (95% interval " + number(m.lower()) + " to "
                + number(m.upper()) + ")" : "");
        String invalid = configuration.verdict().valid() ? "" : " (INVALID: " + String.join("; ",
                configuration.verdict().invalidReasons()) + ")";
        if (guess.value() == 0) {
            return what + "measured " + figure + invalid + "; no guess was written (0)";
        }
        return what + "you guessed " + number(guess.value()) + ", measured " + figure + invalid + ": "
                + distance(guess.value(), m);
    }

    private static String distance(double guess, Guess.Figure measured) {
        if (measured.hasInterval() && guess >= measured.lower() && guess <= measured.upper()) {
            return "inside the measurement's 95% interval: as right as this run can tell";
        }
        if (measured.mean() == 0) {
            return "the measured figure is 0";
        }
        double ratio = guess / measured.mean();
        return ratio >= 1 ? String.format(Locale.ROOT, "your guess was %s the measured figure", times(ratio))
                : String.format(Locale.ROOT, "your guess was %s below it (the measured figure is %s yours)",
                percent(1 - ratio), times(1 / ratio));
    }

    private static String times(double ratio) {
        return ratio < 1.995 ? percent(ratio - 1) + " above" : String.format(Locale.ROOT, "%.1f times", ratio);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** 3,141 and 29 as they are; 20.4 and 0.512 to three significant digits. */
    private static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
