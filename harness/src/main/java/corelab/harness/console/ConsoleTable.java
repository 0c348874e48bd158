package corelab.harness.console;

import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import corelab.results.CounterCheck;
import corelab.results.FaultSentences;
import corelab.results.ResourceSummary;
import corelab.results.Summary;
import corelab.results.stats.Estimate;
import corelab.results.stats.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The short table of headline figures printed at the end of a run. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static String render(List<ConfigurationResult> configurations, List<ComparisonResult> comparisons) {
        StringBuilder out = new StringBuilder();
        int width = configurations.stream().mapToInt(c -> c.configuration().id().length()).max().orElse(13);
        String format = "%-" + Math.max(13, width) + "s %24s %10s %11s %9s %9s %16s %7s %s%n";
        out.append(String.format(Locale.ROOT, format, "configuration", "req/s (95% CI)", "req/s/core",
                "req/CPU-s", "p50 ms", "p99 ms", "µs/req s/d/g", "PSS MB", "notes"));
        for (ConfigurationResult c : configurations) {
            Summary s = c.summary();
            String throughput = c.fault() == null ? withCi(s.throughputPerSecond())
                    : number(s.throughputPerSecond().mean()) + " (1 run)";
            out.append(String.format(Locale.ROOT, format, c.configuration().id(), throughput,
                    number(s.throughputPerCore().mean()), number(s.requestsPerCpuSecond().mean()),
                    millis(s.p50Micros().mean()), millis(s.p99Micros().mean()), cpuPerRequest(s.resources()),
                    s.resources() == null ? "-" : number(s.resources().serverPssBytes().mean() / 1e6), notes(c)));
        }
        // A mean of percentiles is not the percentile of all requests: one trial whose p99 was ten times the others'
        // moves this mean by a tenth of that; trials.csv keeps each trial's own.
        out.append("p50 ms, p99 ms: the mean over trials of each trial's percentile (each trial's own: trials.csv)\n");
        if (configurations.stream().anyMatch(c -> c.summary().resources() != null)) {
            out.append("µs/req s/d/g: CPU per request of the server's tree / its downstream services (the io backend,"
                    + " Redis) / the generator; PSS: the server's memory, shared pages divided between its processes\n");
        }
        List<ConfigurationResult> faulted = configurations.stream().filter(c -> c.fault() != null).toList();
        if (!faulted.isEmpty()) {
            out.append("\nfaults (each one run, one observation: no confidence interval):\n");
            faulted.forEach(c -> out.append("  ").append(FaultSentences.of(c)).append('\n'));
        }
        // INVALID configurations are compared with nothing (corelab.results.Comparisons leaves them out), except
        // on hello where the generator shared the server's CPUs: there all are compared on CPU per request.
        Set<String> compared = new HashSet<>();
        comparisons.forEach(r -> compared.addAll(List.of(r.comparison().nameA(), r.comparison().nameB())));
        long invalid = configurations.stream().filter(c -> c.fault() == null && !c.verdict().valid())
                .filter(c -> !compared.contains(c.configuration().id())).count();
        if (!comparisons.isEmpty()) {
            out.append('\n');
            comparisons.stream().filter(r -> r.metric().equals(Comparisons.CPU_PER_REQUEST)).findFirst()
                    .ifPresent(r -> out.append("  on ").append(r.workload()).append(", modes are compared by ")
                            .append(Comparisons.CPU_PER_REQUEST).append(", not throughput: ")
                            .append(Comparisons.CPU_PER_REQUEST_WHY).append("; but ")
                            .append(Comparisons.CPU_PER_REQUEST_CAVEAT).append('\n'));
            // Only differences significant after Holm's correction and larger than the margin are findings to
            // state; the rest are counted by what the data can say about them.
            comparisons.stream().filter(r -> r.comparison().ranks())
                    .forEach(r -> out.append("  ").append(r.sentence()).append('\n'));
            Map<String, Map<Outcome, Long>> others = new TreeMap<>();
            comparisons.stream().filter(r -> !r.comparison().ranks()).forEach(r -> others
                    .computeIfAbsent(r.workload() + (r.metric().equals(Comparisons.THROUGHPUT) ? ""
                            : " by " + r.metric()), k -> new EnumMap<>(Outcome.class))
                    .merge(r.comparison().outcome(), 1L, Long::sum));
            others.forEach((workload, counts) -> counts.forEach((outcome, count) -> out.append("  on ")
                    .append(workload).append(", ").append(count).append(" pair(s): ").append(outcome.words())
                    .append('\n')));
            if (!others.isEmpty()) {
                out.append("  (each with its interval, margin and detectable difference in results.json)\n");
            }
            if (invalid > 0) {
                out.append("  ").append(invalid).append(" INVALID configuration(s) compared with nothing\n");
            }
        }
        return out.toString();
    }

    private static String notes(ConfigurationResult c) {
        List<String> notes = new ArrayList<>();
        if (c.counterCheck() != null) {
            notes.add(counted(c.counterCheck()));
        }
        if (c.refusedConnections() > 0) {
            notes.add(c.refusalNote());
        }
        if (!c.verdict().valid()) {
            notes.add("INVALID: " + String.join("; ", c.verdict().invalidReasons()));
        }
        return String.join("; ", notes);
    }

    /** "counted 6010 of 12000 requests (5990 repeated counts)": a count that diverged shows at a glance. */
    static String counted(CounterCheck check) {
        return String.format(Locale.ROOT, "counted %d of %d requests%s", check.highestCount(), check.requests(),
                check.exact() ? ": exact" : " (" + check.repeatedCounts() + " repeated counts)");
    }

    /** "310/45/120": the three buckets' CPU per request, "-" for one that is not there (no downstream). */
    private static String cpuPerRequest(ResourceSummary r) {
        if (r == null) {
            return "-";
        }
        return number(r.serverCpuMicrosPerRequest().mean()) + "/" + number(r.downstreamCpuMicrosPerRequest().mean())
                + "/" + number(r.generatorCpuMicrosPerRequest().mean());
    }

    private static String withCi(Estimate e) {
        if (Double.isNaN(e.mean())) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, "%.0f", e.mean());
        return Double.isNaN(e.halfWidth95()) ? mean + " ± ?"
                : mean + String.format(Locale.ROOT, " ± %.0f (%.1f%%)", e.halfWidth95(), 100 * e.relativeHalfWidth());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String millis(double micros) {
        return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.2f", micros / 1000);
    }
}
