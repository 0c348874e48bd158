package corelab.results;

import corelab.results.stats.Estimate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The three buckets of {@link ResourceUse} across a configuration's trials, each an estimate with its 95%
 * interval over the trials that have the figure (none: NaN). CPU per request in µs; memory (PSS and RSS at each
 * trial's end) in bytes. The generator's memory is not here: its threads share the harness JVM.
 */
public record ResourceSummary(Estimate serverCpuMicrosPerRequest, Estimate downstreamCpuMicrosPerRequest,
                              Estimate generatorCpuMicrosPerRequest, Estimate serverPssBytes,
                              Estimate serverRssBytes, Estimate downstreamPssBytes, Estimate downstreamRssBytes) {

    /** The buckets of {@code trials}; null when no trial has them (a fault run, or none measured). */
    public static ResourceSummary of(List<TrialResult> trials) {
        List<ResourceUse> used = trials.stream().map(TrialResult::resources).filter(Objects::nonNull).toList();
        if (used.isEmpty()) {
            return null;
        }
        return new ResourceSummary(
                estimate(used, ResourceUse::server, ResourceBucket::cpuMicrosPerRequest),
                estimate(used, ResourceUse::downstream, ResourceBucket::cpuMicrosPerRequest),
                estimate(used, ResourceUse::generator, ResourceBucket::cpuMicrosPerRequest),
                estimate(used, ResourceUse::server, ResourceBucket::pssBytes),
                estimate(used, ResourceUse::server, ResourceBucket::rssBytes),
                estimate(used, ResourceUse::downstream, ResourceBucket::pssBytes),
                estimate(used, ResourceUse::downstream, ResourceBucket::rssBytes));
    }

    private static Estimate estimate(List<ResourceUse> used, Function<ResourceUse, ResourceBucket> bucket,
                                     Function<ResourceBucket, ? extends Number> figure) {
        return Estimate.of(used.stream().map(bucket).filter(Objects::nonNull).map(figure).filter(Objects::nonNull)
                .mapToDouble(Number::doubleValue).toArray());
    }
}
