package corelab.results;

import corelab.results.stats.Comparison;
import corelab.results.stats.ComparisonFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two saved runs compared configuration by configuration (matched by id), on the figure each run compares it on
 * within itself ({@link Comparisons#metric}: throughput, or on {@code hello} where the generator shared the server's
 * CPUs, the server's CPU per request), with the statistics a run uses within itself: Welch's interval of the
 * difference, two one-sided tests against the equivalence margin, and Holm's correction over all the matched
 * configurations of a workload and figure. The first run is the baseline of every percentage: "in the second run,
 * single on cpu is 3% slower than in the first".
 *
 * @param baseline    the first run's id; every percentage is of its mean
 * @param other       the second run's id
 * @param comparisons one per configuration valid in both, workload by workload
 * @param notCompared configurations in either run that are not compared, each with why (id: reason)
 */
public record RunComparison(String baseline, String other, List<ComparisonResult> comparisons,
                            Map<String, String> notCompared) {

    public RunComparison {
        comparisons = List.copyOf(comparisons);
        notCompared = Collections.unmodifiableMap(new LinkedHashMap<>(notCompared));
    }

    /**
     * The comparison of {@code other} against {@code baseline}.
     *
     * @throws IllegalArgumentException the two runs have no configuration in common that both measured validly
     */
    public static RunComparison of(RunResult baseline, RunResult other, double equivalencePercent) {
        Map<String, ConfigurationResult> others = new LinkedHashMap<>();
        other.configurations().forEach(c -> others.put(c.configuration().id(), c));
        Map<String, String> notCompared = new LinkedHashMap<>();
        boolean baselineShared = CorePinning.shared(baseline.provenance());
        boolean otherShared = CorePinning.shared(other.provenance());
        Map<String, List<ConfigurationResult[]>> byWorkload = new LinkedHashMap<>();
        for (ConfigurationResult b : baseline.configurations()) {
            String id = b.configuration().id();
            ConfigurationResult a = others.remove(id);
            String why = a == null ? "only in " + baseline.runId()
                    : whyNot(b, Comparisons.metric(b, baselineShared), baseline.runId(),
                            a, Comparisons.metric(a, otherShared), other.runId());
            if (why != null) {
                notCompared.put(id, why);
            } else {
                byWorkload.computeIfAbsent(b.configuration().workload() + "|" + Comparisons.metric(b, baselineShared),
                        k -> new ArrayList<>()).add(new ConfigurationResult[] {a, b});
            }
        }
        others.keySet().forEach(id -> notCompared.put(id, "only in " + other.runId()));
        if (byWorkload.isEmpty()) {
            throw new IllegalArgumentException("runs " + baseline.runId() + " and " + other.runId()
                    + " have no configuration in common that both measured validly (configurations are matched by"
                    + " id: " + firstId(baseline) + " is the first of " + baseline.runId() + ", " + firstId(other)
                    + " of " + other.runId() + ")" + notCompared.entrySet().stream().findFirst()
                            .map(e -> "; " + e.getKey() + ": " + e.getValue()).orElse(""));
        }
        List<ComparisonResult> results = new ArrayList<>();
        for (List<ConfigurationResult[]> family : byWorkload.values()) {
            String metric = Comparisons.metric(family.get(0)[1], baselineShared);
            List<ComparisonFamily.Pair> pairs = family.stream().map(sides -> new ComparisonFamily.Pair(
                    sides[0].configuration().id(), Comparisons.samples(sides[0], metric),
                    sides[1].configuration().id(), Comparisons.samples(sides[1], metric))).toList();
            List<Comparison> compared = ComparisonFamily.compare(pairs, equivalencePercent);
            for (int k = 0; k < compared.size(); k++) {
                ConfigurationResult a = family.get(k)[0];
                String name = Comparisons.shortName(a);
                results.add(new ComparisonResult(a.configuration().workload(), Comparisons.load(a), metric,
                        compared.get(k), "on " + a.configuration().workload() + " (" + Comparisons.load(a) + "), "
                        + (metric.equals(Comparisons.CPU_PER_REQUEST) ? "by " + metric + " (not throughput), " : "")
                        + Comparisons.sentence(compared.get(k).named(name + " in " + other.runId(),
                                name + " in " + baseline.runId()), metric)));
            }
        }
        return new RunComparison(baseline.runId(), other.runId(), results, notCompared);
    }

    /** Why a configuration measured in both runs is not compared; null when it is. */
    private static String whyNot(ConfigurationResult b, String bMetric, String baselineId,
                                 ConfigurationResult a, String aMetric, String otherId) {
        if (b.fault() != null) {
            return "a fault run: one observation of one event in each run, nothing to test a difference with";
        }
        if (bMetric == null) {
            return "INVALID in " + baselineId + ": " + String.join("; ", b.verdict().invalidReasons());
        }
        if (aMetric == null) {
            return "INVALID in " + otherId + ": " + String.join("; ", a.verdict().invalidReasons());
        }
        return bMetric.equals(aMetric) ? null : "compared by " + bMetric + " in " + baselineId + " and by " + aMetric
                + " in " + otherId + " (the generator had CPUs of its own in one run only): two different figures";
    }

    private static String firstId(RunResult run) {
        return run.configurations().stream().findFirst().map(c -> c.configuration().id()).orElse("none");
    }
}
