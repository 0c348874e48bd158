package corelab.modes.http;

/** A request the server refuses: carries the status to answer with, and why. */
public final class HttpException extends Exception {
    private final int status;

    public HttpException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
