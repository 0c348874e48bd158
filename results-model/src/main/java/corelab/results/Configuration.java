package corelab.results;

import java.util.List;

/**
 * What was configured for one point of the experiment: a server configuration under one
 * workload and one load level, in the command line's words. Parameters that do not apply are
 * null: {@code ratePerSecond} is open load's intended rate, {@code threads} the platform pool,
 * {@code workers} the cluster's, {@code cpuIterations} only where a workload computes,
 * {@code backendDelayMillis} only for corelab's own servers, and {@code counter} where the
 * {@code counter} workload's count lives. {@code server} says which server ran and
 * {@code serverCommand} the exact command that started it (empty for a target URL).
 */
public record Configuration(String id, String mode, String workload, String loadModel, int concurrency,
                            Double ratePerSecond, Integer threads, Integer workers, Integer cpuIterations,
                            Integer backendDelayMillis, String counter, int coresAllowed, String server,
                            List<String> serverCommand) {
    public Configuration {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a configuration needs an id");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        serverCommand = List.copyOf(serverCommand);
    }
}
