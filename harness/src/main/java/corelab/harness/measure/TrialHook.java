package corelab.harness.measure;

/**
 * Called at a measured trial's boundaries, never in the warmup: what must happen exactly
 * while a trial is recorded (a profiler running) hangs here, so it follows the trials
 * wherever the runner puts them.
 */
public interface TrialHook {
    /** Nothing at the boundaries. */
    TrialHook NONE = new TrialHook() {
    };

    /** Just before trial {@code index} (from 1) starts recording. */
    default void trialStarts(int index) {
    }

    /** Just after trial {@code index} stopped recording. */
    default void trialEnds(int index) {
    }
}
