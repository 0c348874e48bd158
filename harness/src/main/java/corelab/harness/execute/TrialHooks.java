package corelab.harness.execute;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;

/**
 * Called at the edges of every measured trial, on the runner's thread, with the load already running: what
 * a profiler or a counter that belongs to the measured part only (never the warmup, never the re-warm)
 * starts and stops on. The figures of the trial are those between the two calls.
 */
public interface TrialHooks {
    TrialHooks NONE = new TrialHooks() {
    };

    /** A server this configuration runs on has (re)started, before any warmup: what the trials need readied. */
    default void serverStarted(ServerUnderTest server) {
    }

    /** The trial {@code index} (from 1) of configuration {@code configurationId} begins now. */
    default void trialStarted(String configurationId, int index, ServerUnderTest server) {
    }

    /** That trial's last interval has just been read. */
    default void trialEnded(String configurationId, int index, ServerUnderTest server) {
    }

    /** That trial's figures are taken (its stats and memory read): slow work may follow here, outside the trial. */
    default void trialRecorded(String configurationId, int index, ServerUnderTest server)
            throws RunFailure, InterruptedException {
    }
}
