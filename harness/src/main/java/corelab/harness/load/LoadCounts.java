package corelab.harness.load;

/** The outcomes the generator counted in one interval, besides the correct answers in the histograms. */
record LoadCounts(long sent, long wrongAnswers, long statusErrors, long timeouts, long connectionErrors) {
    static final LoadCounts ZERO = new LoadCounts(0, 0, 0, 0, 0);

    LoadCounts plus(LoadCounts other) {
        return new LoadCounts(sent + other.sent, wrongAnswers + other.wrongAnswers, statusErrors + other.statusErrors,
                timeouts + other.timeouts, connectionErrors + other.connectionErrors);
    }
}
