package corelab.modes.cluster;

import corelab.modes.wire.WorkerExitLine;
import java.util.Optional;

/**
 * A worker's {@code exit} event, as Node.js reports it: {@code (worker, code, signal)} and
 * {@code worker.exitedAfterDisconnect}. Java reports a death by signal as exit code
 * 128 + the signal's number, so {@code signal} is derived from it; it is null for an
 * ordinary exit.
 */
public record WorkerExit(Worker worker, int exitCode, String signal, boolean exitedAfterDisconnect) {

    static WorkerExit of(Worker worker, int exitCode, boolean exitedAfterDisconnect) {
        return new WorkerExit(worker, exitCode, signalName(exitCode), exitedAfterDisconnect);
    }

    private static String signalName(int exitCode) {
        return switch (exitCode - 128) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> null;
        };
    }

    /** {@code code=1} or {@code code=137 signal=SIGKILL}, for log lines. */
    public String describe() {
        return WorkerExitLine.describe(exitCode, Optional.ofNullable(signal));
    }
}
