package corelab.results;

import corelab.results.stats.Comparison;
import corelab.results.stats.ComparisonFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which configurations of a run are compared, and how: every pair of configurations measured under the
 * same workload, load, cores, CPU work size and profiling, on throughput (mode against mode, pool size against pool size). Holm's
 * correction runs over all the pairs of one workload, the family a reader scans for "the" finding about it.
 * The harness saves what this computes; a file written before this schema is recomputed with it.
 *
 * <p>One exception, {@link #CPU_PER_REQUEST}: on {@code hello}, when the load generator shared the server's
 * CPUs, the configurations are compared on the server's CPU per answered request instead, INVALID ones whose only
 * fault is a saturated generator included. A saturated generator limits how many requests the server gets, not
 * how its CPU time and its answers are counted (both are the server's own, from /proc and its answers); what the
 * figure then says is what a request cost each mode at the rate the shared machine let it reach, which the
 * report shows beside it. Comparing their throughputs would compare the generator with itself.
 */
public final class Comparisons {
    /** The figure compared in general: requests per second, higher is better. */
    public static final String THROUGHPUT = "throughput";
    /** The figure compared on hello when the generator shared the server's CPUs: microseconds, lower is better. */
    public static final String CPU_PER_REQUEST = "server CPU per request";
    /** Why, in one sentence, for the console and the report. */
    public static final String CPU_PER_REQUEST_WHY = "the load generator and the server shared this machine's"
            + " CPUs, so hello's throughput measures how the machine was shared, while the server's CPU per answered"
            + " request is its own figure, even where the generator was saturated";
    /** What the figure does not say, measured (see the README): said wherever it is compared. */
    public static final String CPU_PER_REQUEST_CAVEAT = "each mode's cost is at the rate it reached, and a server's"
            + " CPU per request falls as its rate rises (virtual on hello, measured on a 2-core machine in the README:"
            + " 30 us at 10,000 req/s, 11 us at 45,000),"
            + " so a mode the shared machine let run faster also looks cheaper: for like against like, compare at one"
            + " open-load rate every mode reaches (-Dload=open -Drate=)";
    private static final String HELLO = "hello";

    private Comparisons() {
    }

    /** The comparisons of a run whose load generator had CPUs of its own. */
    public static List<ComparisonResult> of(List<ConfigurationResult> configurations, double equivalencePercent) {
        return of(configurations, equivalencePercent, false);
    }

    /**
     * @param generatorSharedCores whether the load generator shared the servers' CPUs (see {@link CorePinning}):
     *                             then hello is compared on {@link #CPU_PER_REQUEST}
     */
    public static List<ComparisonResult> of(List<ConfigurationResult> configurations, double equivalencePercent,
                                            boolean generatorSharedCores) {
        // Threads and workers each apply to one mode only, so they do not split the groups.
        Map<String, Map<String, List<ConfigurationResult>>> byWorkload = new LinkedHashMap<>();
        for (ConfigurationResult c : configurations) {
            String metric = metric(c, generatorSharedCores);
            if (metric == null) {
                continue;
            }
            Configuration configured = c.configuration();
            // A profiled configuration carries the profiler's cost: it is compared only with others profiled alike.
            byWorkload.computeIfAbsent(configured.workload(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(metric + "|" + load(c) + "|" + configured.coresAllowed() + "|"
                                    + configured.cpuIterations() + "|" + (c.profiled() ? c.profile().event() : "unprofiled"),
                            k -> new ArrayList<>()).add(c);
        }
        List<ComparisonResult> results = new ArrayList<>();
        for (Map<String, List<ConfigurationResult>> groups : byWorkload.values()) {
            List<ConfigurationResult[]> sides = new ArrayList<>();
            List<ComparisonFamily.Pair> pairs = new ArrayList<>();
            for (List<ConfigurationResult> group : groups.values()) {
                String metric = metric(group.get(0), generatorSharedCores);
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        ConfigurationResult a = group.get(i);
                        ConfigurationResult b = group.get(j);
                        sides.add(new ConfigurationResult[] {a, b});
                        // Named by id, so readers can find the configurations; the sentence uses short names.
                        pairs.add(new ComparisonFamily.Pair(a.configuration().id(), samples(a, metric),
                                b.configuration().id(), samples(b, metric)));
                    }
                }
            }
            List<Comparison> compared = ComparisonFamily.compare(pairs, equivalencePercent);
            for (int k = 0; k < compared.size(); k++) {
                ConfigurationResult a = sides.get(k)[0];
                ConfigurationResult b = sides.get(k)[1];
                Comparison comparison = compared.get(k);
                String metric = metric(a, generatorSharedCores);
                results.add(new ComparisonResult(a.configuration().workload(), load(a), metric, comparison,
                        "on " + a.configuration().workload() + ", "
                                + (metric.equals(CPU_PER_REQUEST) ? "by " + CPU_PER_REQUEST + " (not throughput), " : "")
                                + sentence(comparison.named(shortName(a), shortName(b)), metric)));
            }
        }
        return results;
    }

    /**
     * The figure {@code c} is compared on, or null when it is compared with nothing: a fault run is one
     * observation; an INVALID configuration's throughput measures something else (a saturated generator), and
     * testing it would claim what it cannot support and widen the family every valid pair is corrected in.
     */
    public static String metric(ConfigurationResult c, boolean generatorSharedCores) {
        if (c.fault() != null) {
            return null;
        }
        boolean serverCpuSeen = c.trials().stream()
                .anyMatch(t -> t.server() != null && Double.isFinite(t.server().requestsPerCpuSecond()));
        if (generatorSharedCores && HELLO.equals(c.configuration().workload()) && serverCpuSeen) {
            return c.verdict().valid() || c.verdict().onlyGeneratorSaturated() ? CPU_PER_REQUEST : null;
        }
        return c.verdict().valid() ? THROUGHPUT : null;
    }

    /** The comparison in words, for either figure: higher throughput is faster, more CPU per request costlier. */
    public static String sentence(Comparison comparison, String metric) {
        return CPU_PER_REQUEST.equals(metric) ? comparison.sentence("costlier", "cheaper")
                : comparison.sentence("faster", "slower");
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

    /** Each trial's figure of {@code metric}: what a comparison, within a run or between two, sets side by side. */
    static double[] samples(ConfigurationResult c, String metric) {
        if (CPU_PER_REQUEST.equals(metric)) {
            // microseconds of server CPU per answered request, trial by trial: the reciprocal of req/CPU-s
            return c.trials().stream().filter(t -> t.server() != null)
                    .mapToDouble(t -> 1e6 / t.server().requestsPerCpuSecond()).filter(Double::isFinite).toArray();
        }
        return c.trials().stream().mapToDouble(TrialResult::throughputPerSecond).toArray();
    }
}
