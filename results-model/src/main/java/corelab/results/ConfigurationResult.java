package corelab.results;

import java.util.List;

/**
 * One point of the experiment: a server configuration under one workload and one load
 * level, measured over several trials. Parameters that do not apply to the mode are null
 * ({@code threads} is the platform pool, {@code workers} the cluster's, {@code counter} where
 * the {@code counter} workload's count lives, and {@code counterCheck} what its answers added
 * up to, for the counter workload only). {@code warmupSeconds}
 * is how long the unrecorded warmup before the trials actually lasted. {@code valid} is
 * false, with reasons in plain words, when the figures should not be trusted (a saturated
 * load generator, errors above the limit, too few trials finished). {@code fault} is null
 * for an ordinary run; for a fault run it holds what the fault did, and the single trial is
 * the whole measured window, sampled finely (one observation: no confidence interval).
 */
public record ConfigurationResult(String id, String mode, String workload, String loadModel, int concurrency,
                                  Double ratePerSecond, Integer threads, Integer workers, Integer cpuIterations,
                                  Integer backendDelayMillis, String counter, int coresAllowed, String server,
                                  List<String> serverCommand, int warmupSeconds, boolean valid, List<String> invalidReasons,
                                  CounterCheck counterCheck, Summary summary, List<TrialResult> trials,
                                  FaultResult fault) {
    public ConfigurationResult {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a configuration needs an id");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("warmupSeconds must be >= 0, was " + warmupSeconds);
        }
        if (valid != invalidReasons.isEmpty()) {
            throw new IllegalArgumentException("a configuration is invalid exactly when it has reasons: " + invalidReasons);
        }
        serverCommand = List.copyOf(serverCommand);
        invalidReasons = List.copyOf(invalidReasons);
        trials = List.copyOf(trials);
        if (fault != null && trials.size() != 1) {
            throw new IllegalArgumentException("a fault run is one window, one trial; had " + trials.size());
        }
    }

    /** An ordinary run, with no fault and no counter. */
    public ConfigurationResult(String id, String mode, String workload, String loadModel, int concurrency,
                               Double ratePerSecond, Integer threads, Integer workers, Integer cpuIterations,
                               Integer backendDelayMillis, int coresAllowed, String server,
                               List<String> serverCommand, int warmupSeconds, boolean valid, List<String> invalidReasons,
                               Summary summary, List<TrialResult> trials) {
        this(id, mode, workload, loadModel, concurrency, ratePerSecond, threads, workers, cpuIterations,
                backendDelayMillis, null, coresAllowed, server, serverCommand, warmupSeconds, valid, invalidReasons,
                null, summary, trials, null);
    }
}
