package corelab.results.stats;

/** What a comparison of two sets of trials can say, from the strongest claim to none. */
public enum Outcome {
    /** significant after Holm's correction and larger than the equivalence margin: the only outcome that ranks */
    DIFFERENT("different, ranked"),
    /** significant after Holm's correction, but not shown larger than the margin: real, too small to rank */
    SMALL_DIFFERENCE("different, may be within the margin"),
    /** the whole 90% interval of the difference lies inside the margin (two one-sided tests at 5%) */
    PRACTICALLY_SAME("practically the same"),
    /** neither: the run could not tell; the detectable difference says how large a difference it would have seen */
    NO_DIFFERENCE_DETECTED("no significant difference detected"),
    /** fewer than three trials on a side: no interval, no test */
    TOO_FEW_TRIALS("too few trials");

    private final String words;

    Outcome(String words) {
        this.words = words;
    }

    /** The outcome in a few words, for tables. */
    public String words() {
        return words;
    }
}
