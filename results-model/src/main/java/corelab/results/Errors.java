package corelab.results;

/** Failed requests by kind; never dropped, never in the latency figures. */
public record Errors(long wrongAnswers, long statusErrors, long timeouts, long connectionErrors) {
    public Errors {
        if (wrongAnswers < 0 || statusErrors < 0 || timeouts < 0 || connectionErrors < 0) {
            throw new IllegalArgumentException("error counts must be >= 0");
        }
    }

    public long total() {
        return wrongAnswers + statusErrors + timeouts + connectionErrors;
    }

    public Errors plus(Errors other) {
        return new Errors(wrongAnswers + other.wrongAnswers, statusErrors + other.statusErrors,
                timeouts + other.timeouts, connectionErrors + other.connectionErrors);
    }
}
