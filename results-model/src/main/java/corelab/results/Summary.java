package corelab.results;

import corelab.results.stats.Estimate;

/**
 * A configuration's headline figures: the mean across its trials with a 95% confidence
 * interval (Student's t). With too few trials the interval is NaN, never a guess.
 * Server figures are NaN when corelab did not start the server.
 */
public record Summary(Estimate throughputPerSecond, Estimate throughputPerCore, Estimate requestsPerCpuSecond,
                      Estimate p50Micros, Estimate p99Micros, Estimate p999Micros, Estimate uncorrectedP99Micros,
                      Estimate serverCpuCores, Estimate serverRssBytes, Estimate generatorUtilization,
                      double errorPercent) {
}
