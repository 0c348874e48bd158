package corelab.results;

import corelab.results.stats.Comparison;
import corelab.results.stats.ComparisonFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which configurations of a run are compared, and how: every pair of valid configurations measured under the
 * same workload, load, cores, CPU work size and profiling, on throughput (mode against mode, pool size against pool size). Holm's
 * correction runs over all the pairs of one workload, the family a reader scans for "the" finding about it.
 * The harness saves what this computes; a file written before this schema is recomputed with it.
 */
public final class Comparisons {
    private Comparisons() {
    }

    public static List<ComparisonResult> of(List<ConfigurationResult> configurations, double equivalencePercent) {
        // Threads and workers each apply to one mode only, so they do not split the groups.
        Map<String, Map<String, List<ConfigurationResult>>> byWorkload = new LinkedHashMap<>();
        for (ConfigurationResult c : configurations) {
            if (c.fault() != null || !c.verdict().valid()) {
                // A fault run is one observation of one event: nothing to test a difference with. An INVALID
                // configuration's figures measure something else (a saturated generator): testing them would
                // claim what they cannot support, and would widen the family every valid pair is corrected in.
                continue;
            }
            Configuration configured = c.configuration();
            // A profiled configuration carries the profiler's cost: it is compared only with others profiled alike.
            byWorkload.computeIfAbsent(configured.workload(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(load(c) + "|" + configured.coresAllowed() + "|" + configured.cpuIterations()
                                    + "|" + (c.profiled() ? c.profile().event() : "unprofiled"),
                            k -> new ArrayList<>()).add(c);
        }
        List<ComparisonResult> results = new ArrayList<>();
        for (Map<String, List<ConfigurationResult>> groups : byWorkload.values()) {
            List<ConfigurationResult[]> sides = new ArrayList<>();
            List<ComparisonFamily.Pair> pairs = new ArrayList<>();
            for (List<ConfigurationResult> group : groups.values()) {
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        ConfigurationResult a = group.get(i);
                        ConfigurationResult b = group.get(j);
                        sides.add(new ConfigurationResult[] {a, b});
                        // Named by id, so readers can find the configurations; the sentence uses short names.
                        pairs.add(new ComparisonFamily.Pair(a.configuration().id(), throughputs(a),
                                b.configuration().id(), throughputs(b)));
                    }
                }
            }
            List<Comparison> compared = ComparisonFamily.compare(pairs, equivalencePercent);
            for (int k = 0; k < compared.size(); k++) {
                ConfigurationResult a = sides.get(k)[0];
                ConfigurationResult b = sides.get(k)[1];
                Comparison comparison = compared.get(k);
                results.add(new ComparisonResult(a.configuration().workload(), load(a), "throughput", comparison,
                        "on " + a.configuration().workload() + ", "
                                + comparison.named(shortName(a), shortName(b)).sentence("faster", "slower")));
            }
        }
        return results;
    }

    /** What tells two configurations of one group apart: the mode, and its pool or worker count. */
    public static String shortName(ConfigurationResult c) {
        Configuration configured = c.configuration();
        return configured.mode() + (configured.threads() != null ? " (" + configured.threads() + " threads)" : "")
                + (configured.workers() != null ? " (" + configured.workers() + " workers)" : "")
                + (configured.counter() != null ? " counter=" + configured.counter() : "");
    }

    /** The load level as comparisons name it: "closed c64", "open c64 rate 1000/s". */
    public static String load(ConfigurationResult result) {
        Configuration c = result.configuration();
        return c.loadModel() + " c" + c.concurrency()
                + (c.ratePerSecond() == null ? "" : String.format(Locale.ROOT, " rate %.0f/s", c.ratePerSecond()));
    }

    static double[] throughputs(ConfigurationResult c) {
        return c.trials().stream().mapToDouble(TrialResult::throughputPerSecond).toArray();
    }
}
