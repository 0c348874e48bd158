package corelab.results;

import java.util.List;
import java.util.Objects;

/**
 * One point of the experiment, measured over several trials: what was configured, the verdict
 * on its figures, and what was measured. {@code warmupSeconds} is how long the unrecorded
 * warmup before the trials actually lasted. {@code counterCheck} is what the server's counter
 * answers added up to, for the counter workload only, else null. {@code fault} is null for an
 * ordinary run; for a fault run it holds what the fault did, and the single trial is the whole
 * measured window, sampled finely (one observation: no confidence interval).
 * {@code profile} is null unless the server was profiled during the trials ({@code -Dprofile=}).
 * In {@code results.json} the three parts are one flat object (see {@link ConfigurationJson}).
 */
public record ConfigurationResult(Configuration configuration, Verdict verdict, int warmupSeconds,
                                  CounterCheck counterCheck, Summary summary, List<TrialResult> trials,
                                  FaultResult fault, ProfileResult profile) {
    public ConfigurationResult {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(verdict, "verdict");
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("warmupSeconds must be >= 0, was " + warmupSeconds);
        }
        trials = List.copyOf(trials);
        if (fault != null && trials.size() != 1) {
            throw new IllegalArgumentException("a fault run is one window, one trial; had " + trials.size());
        }
    }

    /**
     * Connections the server closed at once in the measured trials because {@code maxConnections}
     * were open (see {@link ServerUsage#refusedConnections}), or -1 when the server reports none.
     * Not 0 means some of the load was refused, not served: worth a note beside the figures.
     */
    public long refusedConnections() {
        long refused = -1;
        for (TrialResult trial : trials) {
            if (trial.server() != null && trial.server().refusedConnections() >= 0) {
                refused = Math.max(refused, 0) + trial.server().refusedConnections();
            }
        }
        return refused;
    }

    /** "the server refused 12 connections (maxConnections were open)", or "" when it refused none. */
    public String refusalNote() {
        long refused = refusedConnections();
        return refused <= 0 ? "" : "the server refused " + refused + " connection" + (refused == 1 ? "" : "s")
                + " (maxConnections were open)";
    }

    /** Unprofiled. */
    public ConfigurationResult(Configuration configuration, Verdict verdict, int warmupSeconds,
                               CounterCheck counterCheck, Summary summary, List<TrialResult> trials, FaultResult fault) {
        this(configuration, verdict, warmupSeconds, counterCheck, summary, trials, fault, null);
    }

    public ConfigurationResult withProfile(ProfileResult profile) {
        return new ConfigurationResult(configuration, verdict, warmupSeconds, counterCheck, summary, trials, fault,
                profile);
    }

    /** Whether a profiler ran during the trials: its cost is in the figures. */
    public boolean profiled() {
        return profile != null;
    }
}
