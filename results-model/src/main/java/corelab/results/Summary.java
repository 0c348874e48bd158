package corelab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import corelab.results.stats.Estimate;

/**
 * A configuration's headline figures: the mean across its trials with a 95% confidence
 * interval (Student's t). With too few trials the interval is NaN, never a guess.
 * Server figures are NaN when corelab did not start the server. {@code resources}: the three buckets' CPU per
 * request and memory across the trials; null (absent from the JSON) for a fault run and in files written before.
 */
public record Summary(Estimate throughputPerSecond, Estimate throughputPerCore, Estimate requestsPerCpuSecond,
                      Estimate p50Micros, Estimate p99Micros, Estimate p999Micros, Estimate uncorrectedP99Micros,
                      Estimate serverCpuCores, Estimate serverRssBytes, Estimate generatorUtilization,
                      double errorPercent, @JsonInclude(JsonInclude.Include.NON_NULL) ResourceSummary resources) {

    /** Without the buckets: a fault run's window, and files written before them. */
    public Summary(Estimate throughputPerSecond, Estimate throughputPerCore, Estimate requestsPerCpuSecond,
                   Estimate p50Micros, Estimate p99Micros, Estimate p999Micros, Estimate uncorrectedP99Micros,
                   Estimate serverCpuCores, Estimate serverRssBytes, Estimate generatorUtilization,
                   double errorPercent) {
        this(throughputPerSecond, throughputPerCore, requestsPerCpuSecond, p50Micros, p99Micros, p999Micros,
                uncorrectedP99Micros, serverCpuCores, serverRssBytes, generatorUtilization, errorPercent, null);
    }
}
