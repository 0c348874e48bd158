package corelab.harness.measure;

/** Something that stops a run, with a message meant for the user as it is. */
public final class RunFailure extends Exception {
    public RunFailure(String message) {
        super(message);
    }
}
