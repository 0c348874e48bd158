package corelab.harness.execute;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.profile.ServerProfile;
import corelab.results.ProfileResult;

/**
 * A profiled configuration's trials: the profiler runs during each trial only, each trial is dumped
 * once its figures are taken, and after the last one the dumps are added up into the configuration's
 * profile. Its server also serves other configurations between these trials, unprofiled or profiled
 * under their own stems, so no profile mixes two configurations.
 */
final class ProfiledTrials implements TrialHooks {
    private final ServerProfile profile;
    private final int trials;
    private volatile ProfileResult result;

    ProfiledTrials(ServerProfile profile, int trials) {
        this.profile = profile;
        this.trials = trials;
    }

    @Override
    public void serverStarted(ServerUnderTest server) {
        profile.load(server);
    }

    @Override
    public void trialStarted(String configurationId, int index, ServerUnderTest server) {
        profile.trialStarts(server);
    }

    @Override
    public void trialEnded(String configurationId, int index, ServerUnderTest server) {
        profile.trialEnds(server);
    }

    @Override
    public void trialRecorded(String configurationId, int index, ServerUnderTest server)
            throws RunFailure, InterruptedException {
        String stem = configurationId.replace('/', '-');
        profile.dumpTrial(server, stem, index);
        if (index == trials) {
            result = profile.finish(stem);
        }
    }

    /** The configuration's profile once its last trial is dumped; null before. */
    ProfileResult result() {
        return result;
    }
}
