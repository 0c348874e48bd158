package corelab.modes.options;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * One option, declared once: its name (the {@code -D} property, the {@code key=} of a server
 * argument), its value type with its range, its default, what it does, and the modes it means
 * anything to. Whether an option, or one of its values, fits a mode is asked here and nowhere
 * else: {@link #appliesTo} and {@link #fits}.
 *
 * @param modes  the modes the option means anything to; the others ignore it
 * @param fit    a value that needs a particular mode ({@code counter=primary} needs a cluster's primary),
 *               or {@link Fit#any()}
 */
public record Option<T>(String name, ValueType<T> type, T defaultValue, String description, Set<Mode> modes,
                        Fit<T> fit) {

    public Option {
        modes = Set.copyOf(modes);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException(name + " must apply to some mode");
        }
        if (defaultValue != null) {
            type.check(name, defaultValue);
        }
    }

    /** An option that every mode reads. */
    public static <T> Option<T> of(String name, ValueType<T> type, T defaultValue, String description) {
        return new Option<>(name, type, defaultValue, description, EnumSet.allOf(Mode.class), Fit.any());
    }

    /** This option, meaningful only to {@code modes}: {@code threads} is the platform mode's pool. */
    public Option<T> onlyIn(Mode... modes) {
        return new Option<>(name, type, defaultValue, description, EnumSet.copyOf(Arrays.asList(modes)), fit);
    }

    /** This option, with a value that only some modes can serve, and the message for the others. */
    public Option<T> fitting(BiPredicate<T, Mode> fits, BiFunction<T, Mode, String> misfit) {
        return new Option<>(name, type, defaultValue, description, modes, new Fit<>(fits, misfit));
    }

    /**
     * This option with another default: for a front end whose default is a different choice
     * (a measured run compares every mode), declared where that choice is explained.
     */
    public Option<T> withDefault(T otherDefault) {
        return new Option<>(name, type, otherDefault, description, modes, fit);
    }

    /**
     * The list form of this option, as a measured run sweeps it ({@code -Dthreads=8,200}):
     * the same name, range, modes and help; its default is this option's default alone.
     */
    public Option<List<T>> swept() {
        return new Option<>(name, ValueType.list(type, false), defaultValue == null ? List.of() : List.of(defaultValue),
                description + "; a list sweeps", modes, Fit.any());
    }

    /**
     * As {@link #swept()}, where {@code all} stands for every value of {@code all}
     * ({@code -Dmode=all}).
     */
    public Option<List<T>> sweptOrAll(List<T> all) {
        return new Option<>(name, ValueType.orWord("all", List.copyOf(all), ValueType.list(type, false)),
                List.of(defaultValue), description + "; a list sweeps, all: " + all.stream().map(type::text).collect(Collectors.joining(",")), modes, Fit.any());
    }

    /** The value {@code text} stands for, or an {@link OptionException} naming this option. */
    public T parse(String text) {
        return type.parse(name, text);
    }

    /** {@code value} as the text {@link #parse} reads back: what crosses into another JVM. */
    public String text(T value) {
        return type.text(value);
    }

    /** {@code value}, if it is in this option's range; otherwise the message the command line would give. */
    public T check(T value) {
        return type.check(name, value);
    }

    public String defaultText() {
        return text(defaultValue);
    }

    /** Whether {@code mode} reads this option at all. */
    public boolean appliesTo(Mode mode) {
        return modes.contains(mode);
    }

    /** Whether a server of {@code mode} can serve this option set to {@code value}. */
    public boolean fits(T value, Mode mode) {
        return fit.fits().test(value, mode);
    }

    /** Refuses {@code value} for {@code mode} if it does not {@link #fits fit}, in the declared words. */
    public void checkFits(T value, Mode mode) {
        if (!fits(value, mode)) {
            throw new OptionException(fit.misfit().apply(value, mode));
        }
    }

    /** One line of {@code -Dhelp=true}: the modes it is for, if not all, then what it does. */
    public String help() {
        if (modes.size() == Mode.values().length) {
            return description;
        }
        return modes.stream().sorted().map(Mode::word).collect(Collectors.joining(", ")) + ": " + description;
    }

    /** A value that only some modes can serve, and what to tell the user otherwise. */
    public record Fit<T>(BiPredicate<T, Mode> fits, BiFunction<T, Mode, String> misfit) {
        static <T> Fit<T> any() {
            return new Fit<>((value, mode) -> true, (value, mode) -> "");
        }
    }
}
