package corelab.workloads;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A member of a closed set as the command line names it ({@code -Dmode=single},
 * {@code -Dworkload=cpu}): every option enum of corelab implements it, so that one method
 * reads them all and an unknown word gets the same message everywhere, listing the valid ones.
 */
public interface CommandWord {
    /** The word on the command line. */
    String word();

    /** One line on what it means, for {@code -Dhelp=true}. */
    String description();

    /** The constant of {@code type} named {@code word}; {@code what} names the set in the message. */
    static <E extends Enum<E> & CommandWord> E fromWord(Class<E> type, String what, String word) {
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(word)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + word + "'; valid " + what + "s: " + words(type));
    }

    /** The valid words, in declaration order: "single, platform, ...". */
    static <E extends Enum<E> & CommandWord> String words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(CommandWord::word).collect(Collectors.joining(", "));
    }
}
