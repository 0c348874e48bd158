package corelab.reports;

import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.CorePinning;
import corelab.results.FaultSentences;
import corelab.results.RunLimits;
import corelab.results.stats.Comparison;
import corelab.results.stats.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The findings in plain words, drawn only from the statistics: per workload, the modes ranked by
 * throughput (hello, where the load generator shared the server's CPUs, by the server's CPU per request), and
 * ranked apart only where the saved comparison says the difference is significant after
 * Holm's correction and larger than the equivalence margin. Every sentence carries the figure it rests on.
 */
final class SummaryWriter {
    private SummaryWriter() {
    }

    /** Sentences, plain text (the page writer escapes them). */
    static List<String> findings(RunView view) {
        List<String> findings = new ArrayList<>();
        if (view.configurations().isEmpty()) {
            findings.add("Nothing was measured yet: no configuration finished, so there is no finding to report.");
        }
        // A figure above its own limit says the limit or the measurement is wrong: first, before any ranking.
        findings.addAll(RunLimits.broken(view.run()));
        for (String workload : view.workloads()) {
            RunView.Slice slice = view.headline(workload);
            Map<String, List<ConfigurationResult>> byWork = new LinkedHashMap<>();
            slice.configurations().forEach(c -> byWork.computeIfAbsent(
                    Objects.toString(c.configuration().cpuIterations()), k -> new ArrayList<>()).add(c));
            for (List<ConfigurationResult> group : byWork.values()) {
                findings.add(ranking(view, slice, group));
                String latency = latency(view, workload, group);
                if (!latency.isEmpty()) {
                    findings.add(latency);
                }
            }
        }
        for (ConfigurationResult c : view.faultRuns()) {
            findings.add("Fault: " + FaultSentences.of(c) + " One run, one observation: no confidence interval"
                    + (c.verdict().valid() ? "."
                            : "; INVALID: " + String.join("; ", c.verdict().invalidReasons()) + "."));
        }
        long invalid = view.configurations().stream().filter(c -> !c.verdict().valid()).count();
        long onCpu = view.configurations().stream().filter(c -> !c.verdict().valid() && onCpuPerRequest(view, c)).count();
        if (invalid > 0) {
            findings.add(invalid + " of " + view.configurations().size() + " configurations are INVALID and are left"
                    + " out of the rankings above" + (onCpu == 0 ? "" : " (" + onCpu + " of them, whose only fault is"
                    + " a saturated load generator, are ranked on hello by " + Comparisons.CPU_PER_REQUEST + " only)")
                    + "; their reasons are listed below the summary.");
        }
        return findings;
    }

    private static String ranking(RunView view, RunView.Slice slice, List<ConfigurationResult> group) {
        Configuration first = group.get(0).configuration();
        String where = "On " + slice.workload() + " (" + slice.describe()
                + (RunView.usesCpu(first) ? ", " + first.cpuIterations() + " iterations" : "") + ")";
        if (group.stream().anyMatch(c -> onCpuPerRequest(view, c))) {
            return cpuRanking(view, where, group);
        }
        List<ConfigurationResult> valid = group.stream().filter(c -> c.verdict().valid())
                .sorted(Comparator.comparingDouble((ConfigurationResult c) -> throughput(c)).reversed()).toList();
        List<ConfigurationResult> invalid = group.stream().filter(c -> !c.verdict().valid()).toList();
        StringBuilder out = new StringBuilder(where).append(", throughput: ");
        out.append(valid.stream().map(c -> view.label(c) + " " + c.summary().throughputPerSecond().format("req/s"))
                .collect(Collectors.joining(", ")));
        if (valid.isEmpty()) {
            out.append("no valid configuration, nothing to rank");
        } else if (valid.size() == 1) {
            out.append(" (the only valid configuration: nothing to compare it with)");
        } else {
            out.append(". ").append(capitalize(tiers(view, valid, false)));
        }
        return out.append(notRanked(view, invalid)).append('.').toString();
    }

    /**
     * hello where the generator shared the server's CPUs: led by the server's CPU per request, ranked on it
     * (INVALID configurations whose only fault is a saturated generator included, see {@link Comparisons}), and
     * the throughputs after it, unranked, since they measure how the machine was shared.
     */
    private static String cpuRanking(RunView view, String where, List<ConfigurationResult> group) {
        List<ConfigurationResult> compared = group.stream().filter(c -> onCpuPerRequest(view, c))
                .sorted(Comparator.comparingDouble(SummaryWriter::cpuMicrosPerRequest)).toList();
        List<ConfigurationResult> left = group.stream().filter(c -> !compared.contains(c)).toList();
        StringBuilder out = new StringBuilder(where).append(", by ").append(Comparisons.CPU_PER_REQUEST)
                .append(", not throughput, because ").append(Comparisons.CPU_PER_REQUEST_WHY).append(": ")
                .append(compared.stream().map(c -> view.label(c) + " " + Numbers.compact(cpuMicrosPerRequest(c))
                        + " \u00b5s" + (c.verdict().valid() ? "" : " (its generator saturated)"))
                        .collect(Collectors.joining(", ")));
        out.append(compared.size() == 1 ? " (the only one: nothing to compare it with)"
                : ". " + capitalize(tiers(view, compared, true)));
        out.append(". Throughput, which measures the shared machine and ranks nothing: ")
                .append(compared.stream().map(c -> view.label(c) + " " + c.summary().throughputPerSecond().format("req/s"))
                        .collect(Collectors.joining(", ")));
        return out.append(notRanked(view, left)).append(". But ").append(Comparisons.CPU_PER_REQUEST_CAVEAT)
                .append('.').toString();
    }

    private static boolean onCpuPerRequest(RunView view, ConfigurationResult c) {
        return Comparisons.CPU_PER_REQUEST.equals(Comparisons.metric(c, CorePinning.shared(view.run().provenance())));
    }

    private static String notRanked(RunView view, List<ConfigurationResult> invalid) {
        return invalid.isEmpty() ? "" : ". Not ranked, because INVALID: " + invalid.stream()
                .map(c -> view.label(c) + " (" + String.join("; ", c.verdict().invalidReasons()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Groups the ranked configurations into tiers: one joins the tier above unless its comparison with that
     * tier's leader ranks them (significant after Holm's correction and larger than the margin). Each tier
     * below the first is measured against the top: on throughput, or on CPU per request ({@code cpu}).
     */
    private static String tiers(RunView view, List<ConfigurationResult> ranked, boolean cpu) {
        List<List<ConfigurationResult>> tiers = new ArrayList<>();
        for (ConfigurationResult c : ranked) {
            if (!tiers.isEmpty()) {
                List<ConfigurationResult> tier = tiers.get(tiers.size() - 1);
                Optional<ComparisonResult> versusLeader = view.comparison(c, tier.get(0));
                if (versusLeader.isPresent() && !versusLeader.get().comparison().ranks()) {
                    tier.add(c);
                    continue;
                }
            }
            tiers.add(new ArrayList<>(List.of(c)));
        }
        ConfigurationResult top = tiers.get(0).get(0);
        List<String> parts = new ArrayList<>();
        parts.add(tierText(view, tiers.get(0), cpu));
        for (List<ConfigurationResult> tier : tiers.subList(1, tiers.size())) {
            ConfigurationResult leader = tier.get(0);
            String part = view.label(leader) + (cpu ? " costs " + Numbers.percent(100 * cpuMicrosPerRequest(leader)
                    / cpuMicrosPerRequest(top)) + " of " + view.label(top) + "'s server CPU per request: "
                    : " reaches only " + Numbers.percent(100 * throughput(leader) / throughput(top))
                    + " of " + view.label(top) + "'s throughput: ") + verdict(view, leader, top);
            if (tier.size() > 1) {
                part += ", and " + tierText(view, tier, cpu);
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }

    /**
     * "a and b are practically the same: ..." when every member is shown equivalent to the leader, "a and b
     * are not ranked apart: ..." when the run could not tell, "a is highest" for a tier of one.
     */
    private static String tierText(RunView view, List<ConfigurationResult> tier, boolean cpu) {
        ConfigurationResult leader = tier.get(0);
        if (tier.size() == 1) {
            return view.label(leader) + (cpu ? " is cheapest" : " is highest");
        }
        List<ConfigurationResult> others = tier.subList(1, tier.size());
        boolean same = others.stream().allMatch(c -> view.comparison(c, leader)
                .orElseThrow().comparison().outcome() == Outcome.PRACTICALLY_SAME);
        String names = tier.stream().limit(tier.size() - 1).map(view::label).collect(Collectors.joining(", "))
                + " and " + view.label(tier.get(tier.size() - 1));
        String why = others.stream().map(c -> verdict(view, c, leader)).collect(Collectors.joining("; "));
        if (same && tier.size() == 2) {
            return why; // the verdict itself says "a and b are practically the same: ..."
        }
        return names + (same ? " are practically the same: " : " are not ranked apart: ") + why;
    }

    /** The harness's own verdict on two configurations, named by their labels rather than their ids. */
    static String verdict(RunView view, ConfigurationResult a, ConfigurationResult b) {
        Optional<ComparisonResult> saved = view.comparison(a, b);
        if (saved.isEmpty()) {
            return "no statistical test was saved for this pair";
        }
        Comparison c = saved.get().comparison();
        boolean aFirst = c.nameA().equals(a.configuration().id());
        ConfigurationResult first = aFirst ? a : b;
        ConfigurationResult second = aFirst ? b : a;
        return Comparisons.sentence(c.named(view.label(first), view.label(second)), saved.get().metric());
    }

    private static String latency(RunView view, String workload, List<ConfigurationResult> group) {
        List<ConfigurationResult> valid = group.stream().filter(c -> c.verdict().valid())
                .filter(c -> c.summary().p99Micros().n() > 0).toList();
        if (valid.isEmpty()) {
            return "";
        }
        boolean open = valid.stream().anyMatch(c -> c.summary().uncorrectedP99Micros().n() > 0);
        return "On " + workload + ", p99 latency" + (open ? " (corrected; uncorrected in brackets)" : "") + ": "
                + valid.stream().map(c -> view.label(c) + " " + Numbers.scaled(c.summary().p99Micros(), 1e-3).format("ms")
                        + (open && c.summary().uncorrectedP99Micros().n() > 0
                        ? " [" + Numbers.scaled(c.summary().uncorrectedP99Micros(), 1e-3).format("ms") + "]" : ""))
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Microseconds of server CPU per answered request: the reciprocal of requests per CPU-second. */
    private static double cpuMicrosPerRequest(ConfigurationResult c) {
        double perCpuSecond = c.summary().requestsPerCpuSecond().mean();
        return perCpuSecond > 0 ? 1e6 / perCpuSecond : Double.NaN;
    }

    private static double throughput(ConfigurationResult c) {
        double mean = c.summary().throughputPerSecond().mean();
        return Double.isNaN(mean) ? 0 : mean;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
