package corelab.modes.options;

/** An option with an unknown name or an invalid value; its message is meant for the user as it is. */
public final class OptionException extends IllegalArgumentException {
    public OptionException(String message) {
        super(message);
    }
}
