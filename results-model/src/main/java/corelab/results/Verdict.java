package corelab.results;

import java.util.List;

/**
 * Whether a configuration's figures can be trusted: invalid, with reasons in plain words, when
 * they should not be (a saturated load generator, errors above the limit, no correct answer).
 * Both are kept because both are in {@code results.json}; they cannot disagree.
 */
public record Verdict(boolean valid, List<String> invalidReasons) {
    public static final Verdict VALID = new Verdict(true, List.of());
    /** How every reason that blames the load generator begins: the harness writes it, comparisons look for it. */
    public static final String GENERATOR_SATURATED = "the load generator was saturated";

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

    /**
     * Invalid only because the load generator was saturated: the throughput is the generator's, but the
     * server's own counts (its CPU per answered request) are still the server's.
     */
    public boolean onlyGeneratorSaturated() {
        return !valid && invalidReasons.stream().allMatch(reason -> reason.startsWith(GENERATOR_SATURATED));
    }
}
