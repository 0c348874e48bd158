package corelab.results;

/** A results file that cannot be read: missing, damaged, or from an unknown schema. The message says which. */
public final class ResultsFormatException extends Exception {
    public ResultsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
