package corelab.modes.options;

import corelab.workloads.CommandWord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an option's value is: how its text is read (with the range checked, in a message that
 * names the option), how a value is written back as text for another JVM, and how a typed
 * value is checked against the same range, so that a wither and the command line refuse the
 * same values with the same words.
 */
public interface ValueType<T> {
    /** The value {@code text} stands for; anything else is an {@link OptionException} naming {@code name}. */
    T parse(String name, String text);

    /** The text that {@link #parse} reads back to {@code value}. */
    String text(T value);

    /** {@code value} if it lies in the range {@link #parse} accepts; otherwise the same message. */
    default T check(String name, T value) {
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    static ValueType<Integer> wholeNumber(int min, int max) {
        return new ValueType<>() {
            @Override
            public Integer parse(String name, String text) {
                try {
                    return check(name, Integer.parseInt(text.strip()), text);
                } catch (NumberFormatException e) {
                    throw outOfRange(name, text);
                }
            }

            @Override
            public String text(Integer value) {
                return Integer.toString(value);
            }

            @Override
            public Integer check(String name, Integer value) {
                return check(name, value, String.valueOf(value));
            }

            private Integer check(String name, Integer value, String text) {
                if (value == null || value < min || value > max) {
                    throw outOfRange(name, text);
                }
                return value;
            }

            private OptionException outOfRange(String name, String text) {
                return new OptionException(name + " must be a whole number from " + min + " to " + max
                        + ", was '" + text + "'");
            }
        };
    }

    /** {@code true} or {@code false}; with {@code bareMeansTrue}, an empty value ({@code -Dhelp}) is true. */
    static ValueType<Boolean> flag(boolean bareMeansTrue) {
        return new ValueType<>() {
            @Override
            public Boolean parse(String name, String text) {
                return switch (text.strip()) {
                    case "true" -> true;
                    case "false" -> false;
                    case "" -> {
                        if (bareMeansTrue) {
                            yield true;
                        }
                        throw new OptionException(name + " must be true or false, was '" + text + "'");
                    }
                    default -> throw new OptionException(name + " must be true or false, was '" + text + "'");
                };
            }

            @Override
            public String text(Boolean value) {
                return value.toString();
            }
        };
    }

    /** A word of a closed set ({@code -Dmode=cluster}); an unknown word gets a message that lists the valid ones. */
    static <E extends Enum<E> & CommandWord> ValueType<E> word(Function<String, E> fromWord) {
        return custom(fromWord, CommandWord::word);
    }

    /** Text as given, stripped; {@code required}: it must not be empty. */
    static ValueType<String> text(boolean required) {
        return new ValueType<>() {
            @Override
            public String parse(String name, String text) {
                return check(name, text.strip());
            }

            @Override
            public String text(String value) {
                return value;
            }

            @Override
            public String check(String name, String value) {
                if (required && value.isBlank()) {
                    throw new OptionException(name + " must not be empty");
                }
                return value;
            }
        };
    }

    /** A decimal number that {@code valid} accepts; {@code requirement} completes "must be a number ...". */
    static ValueType<Double> number(DoublePredicate valid, String requirement) {
        return new ValueType<>() {
            @Override
            public Double parse(String name, String text) {
                double value;
                try {
                    value = Double.parseDouble(text.strip());
                } catch (NumberFormatException e) {
                    throw new OptionException(name + " must be a number, was '" + text + "'");
                }
                return check(name, value, text);
            }

            @Override
            public String text(Double value) {
                return value == Math.rint(value) && !value.isInfinite() ? Long.toString(value.longValue())
                        : value.toString();
            }

            @Override
            public Double check(String name, Double value) {
                return check(name, value, text(value));
            }

            private Double check(String name, double value, String text) {
                if (!valid.test(value)) {
                    throw new OptionException(name + " must be a number " + requirement + ", was '" + text + "'");
                }
                return value;
            }
        };
    }

    /**
     * Any other type, from a function that reads one value and one that writes it. An
     * {@link IllegalArgumentException} from {@code parse} becomes an {@link OptionException}
     * prefixed with the option's name ({@code balance: unknown balance 'dns'; ...}).
     */
    static <T> ValueType<T> custom(Function<String, T> parse, Function<T, String> text) {
        return new ValueType<>() {
            @Override
            public T parse(String name, String given) {
                try {
                    return parse.apply(given.strip());
                } catch (OptionException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new OptionException(name + ": " + e.getMessage());
                }
            }

            @Override
            public String text(T value) {
                return text.apply(value);
            }
        };
    }

    /** {@code item} or nothing: the empty text stands for null (an option that is off unless given). */
    static <T> ValueType<T> optional(ValueType<T> item) {
        return new ValueType<>() {
            @Override
            public T parse(String name, String text) {
                return text.isBlank() ? null : item.parse(name, text);
            }

            @Override
            public String text(T value) {
                return value == null ? "" : item.text(value);
            }

            @Override
            public T check(String name, T value) {
                return value == null ? null : item.check(name, value);
            }
        };
    }

    /**
     * A comma-separated list of {@code item}s, each given once (a repeat is dropped); empty
     * only if {@code emptyAllowed}.
     */
    static <T> ValueType<List<T>> list(ValueType<T> item, boolean emptyAllowed) {
        return new ValueType<>() {
            @Override
            public List<T> parse(String name, String text) {
                if (text.isBlank()) {
                    return check(name, List.of());
                }
                List<T> values = new ArrayList<>();
                for (String part : text.split(",")) {
                    T value = item.parse(name, part.strip());
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
                return List.copyOf(values);
            }

            @Override
            public String text(List<T> values) {
                return values.stream().map(item::text).collect(Collectors.joining(","));
            }

            @Override
            public List<T> check(String name, List<T> values) {
                if (values.isEmpty() && !emptyAllowed) {
                    throw new OptionException(name + " must not be empty");
                }
                values.forEach(value -> item.check(name, value));
                return List.copyOf(values);
            }
        };
    }

    /**
     * {@code type}, or {@code word} standing for {@code value}: {@code -Dmode=all} for every
     * mode, {@code -Dfault=none} for no fault.
     */
    static <T> ValueType<T> orWord(String word, T value, ValueType<T> type) {
        return new ValueType<>() {
            @Override
            public T parse(String name, String text) {
                return text.strip().equals(word) ? value : type.parse(name, text);
            }

            @Override
            public String text(T given) {
                return given.equals(value) ? word : type.text(given);
            }

            @Override
            public T check(String name, T given) {
                return given.equals(value) ? value : type.check(name, given);
            }
        };
    }
}
