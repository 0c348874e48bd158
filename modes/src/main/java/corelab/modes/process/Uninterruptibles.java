package corelab.modes.process;

/** Waiting that an interrupt cannot cut short: a thread or a process that must be gone before we go on. */
public final class Uninterruptibles {
    private Uninterruptibles() {
    }

    /** Waits for {@code thread} to end, even if interrupted (the interrupt is kept): none may be left behind. */
    public static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code process} to exit, even if interrupted (the interrupt is kept); its exit code. */
    public static int waitFor(Process process) {
        boolean interrupted = false;
        while (true) {
            try {
                int exitCode = process.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return exitCode;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
