package corelab.results;

import java.util.List;

/**
 * Whether a configuration's figures can be trusted: invalid, with reasons in plain words, when
 * they should not be (a saturated load generator, errors above the limit, no correct answer).
 * Both are kept because both are in {@code results.json}; they cannot disagree.
 */
public record Verdict(boolean valid, List<String> invalidReasons) {
    public static final Verdict VALID = new Verdict(true, List.of());

    public Verdict {
        if (valid != invalidReasons.isEmpty()) {
            throw new IllegalArgumentException("a configuration is invalid exactly when it has reasons: " + invalidReasons);
        }
        invalidReasons = List.copyOf(invalidReasons);
    }

    /** Valid when there is no reason to distrust the figures, else invalid for these reasons. */
    public static Verdict of(List<String> invalidReasons) {
        return new Verdict(invalidReasons.isEmpty(), invalidReasons);
    }
}
