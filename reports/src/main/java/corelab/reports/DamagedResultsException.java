package corelab.reports;

/**
 * A part of a results file that parsed as JSON but cannot be used (a histogram that does not
 * decode, a summary that is missing). {@link Report} turns it into a ResultsFormatException that
 * names the file, so the reader gets one clear sentence rather than a stack trace.
 */
final class DamagedResultsException extends RuntimeException {
    DamagedResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
