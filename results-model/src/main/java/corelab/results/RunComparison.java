package corelab.results;

import corelab.results.stats.Comparison;
import corelab.results.stats.ComparisonFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two saved runs compared configuration by configuration (matched by id), on throughput, with the statistics a
 * run uses within itself: Welch's interval of the difference, two one-sided tests against the equivalence margin,
 * and Holm's correction over all the matched configurations of a workload. The first run is the baseline of every
 * percentage: "in the second run, single on cpu is 3% slower than in the first".
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
        notCompared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notCompared));
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
        Map<String, List<ConfigurationResult[]>> byWorkload = new LinkedHashMap<>();
        for (ConfigurationResult b : baseline.configurations()) {
            String id = b.configuration().id();
            ConfigurationResult a = others.remove(id);
            String why = a == null ? "only in " + baseline.runId() : whyNot(b, baseline.runId(), a, other.runId());
            if (why != null) {
                notCompared.put(id, why);
            } else {
                byWorkload.computeIfAbsent(b.configuration().workload(), k -> new ArrayList<>())
                        .add(new ConfigurationResult[] {a, b});
            }
        }
        others.keySet().forEach(id -> notCompared.put(id, "only in " + other.runId()));
        if (byWorkload.isEmpty()) {
            throw new IllegalArgumentException("runs " + baseline.runId() + " and " + other.runId()
                    + " have no configuration in common that both measured validly (configurations are matched by"
                    + " id: " + firstId(baseline) + " is the first of " + baseline.runId() + ", " + firstId(other)
                    + " of " + other.runId() + ")");
        }
        List<ComparisonResult> results = new ArrayList<>();
        for (List<ConfigurationResult[]> family : byWorkload.values()) {
            List<ComparisonFamily.Pair> pairs = family.stream().map(sides -> new ComparisonFamily.Pair(
                    sides[0].configuration().id(), Comparisons.throughputs(sides[0]),
                    sides[1].configuration().id(), Comparisons.throughputs(sides[1]))).toList();
            List<Comparison> compared = ComparisonFamily.compare(pairs, equivalencePercent);
            for (int k = 0; k < compared.size(); k++) {
                ConfigurationResult a = family.get(k)[0];
                String name = Comparisons.shortName(a);
                results.add(new ComparisonResult(a.configuration().workload(), Comparisons.load(a), "throughput",
                        compared.get(k), "on " + a.configuration().workload() + " (" + Comparisons.load(a) + "), "
                        + compared.get(k).named(name + " in " + other.runId(), name + " in " + baseline.runId())
                                .sentence("faster", "slower")));
            }
        }
        return new RunComparison(baseline.runId(), other.runId(), results, notCompared);
    }

    /** Why a configuration measured in both runs is not compared; null when it is. */
    private static String whyNot(ConfigurationResult b, String baselineId, ConfigurationResult a, String otherId) {
        if (b.fault() != null) {
            return "a fault run: one observation of one event in each run, nothing to test a difference with";
        }
        if (!b.verdict().valid()) {
            return "INVALID in " + baselineId + ": " + String.join("; ", b.verdict().invalidReasons());
        }
        return a.verdict().valid() ? null
                : "INVALID in " + otherId + ": " + String.join("; ", a.verdict().invalidReasons());
    }

    private static String firstId(RunResult run) {
        return run.configurations().stream().findFirst().map(c -> c.configuration().id()).orElse("none");
    }
}
