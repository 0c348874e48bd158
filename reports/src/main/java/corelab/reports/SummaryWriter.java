package corelab.reports;

import corelab.results.ComparisonResult;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
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
 * throughput, and ranked apart only where the saved comparison says the difference is significant after
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
        if (invalid > 0) {
            findings.add(invalid + " of " + view.configurations().size() + " configurations are INVALID and are left"
                    + " out of the rankings above; their reasons are listed below the summary.");
        }
        return findings;
    }

    private static String ranking(RunView view, RunView.Slice slice, List<ConfigurationResult> group) {
        Configuration first = group.get(0).configuration();
        String where = "On " + slice.workload() + " (" + slice.describe()
                + (RunView.usesCpu(first) ? ", " + first.cpuIterations() + " iterations" : "") + ")";
        List<ConfigurationResult> valid = group.stream().filter(c -> c.verdict().valid())
                .sorted(Comparator.comparingDouble((ConfigurationResult c) -> throughput(c)).reversed()).toList();
        List<ConfigurationResult> invalid = group.stream().filter(c -> !c.verdict().valid()).toList();
        StringBuilder out = new StringBuilder(where);
        if (slice.workload().equals("hello") && first.coresAllowed() <= 2 && !valid.isEmpty()) {
            // On two cores the generator and the server share them: hello's throughput measures how the machine
            // was shared. The server's CPU per request is the server's own figure.
            out.append(", server CPU per request first, since on ").append(first.coresAllowed())
                    .append(first.coresAllowed() == 1 ? " core" : " cores")
                    .append(" shared with the load generator hello's throughput measures the machine more than the"
                            + " server: ")
                    .append(valid.stream().sorted(Comparator.comparingDouble(SummaryWriter::cpuMicrosPerRequest))
                            .map(c -> view.label(c) + " " + Numbers.compact(cpuMicrosPerRequest(c)) + " \u00b5s")
                            .collect(Collectors.joining(", ")))
                    .append(". Throughput: ");
        } else {
            out.append(", throughput: ");
        }
        out.append(valid.stream().map(c -> view.label(c) + " " + c.summary().throughputPerSecond().format("req/s"))
                .collect(Collectors.joining(", ")));
        if (valid.isEmpty()) {
            out.append("no valid configuration, nothing to rank");
        } else if (valid.size() == 1) {
            out.append(" (the only valid configuration: nothing to compare it with)");
        } else {
            out.append(". ").append(capitalize(tiers(view, valid)));
        }
        if (!invalid.isEmpty()) {
            out.append(". Not ranked, because INVALID: ").append(invalid.stream()
                    .map(c -> view.label(c) + " (" + String.join("; ", c.verdict().invalidReasons()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        return out.append('.').toString();
    }

    /**
     * Groups the ranked configurations into tiers: one joins the tier above unless its comparison with that
     * tier's leader ranks them (significant after Holm's correction and larger than the margin). Each tier
     * below the first is measured against the top.
     */
    private static String tiers(RunView view, List<ConfigurationResult> ranked) {
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
        parts.add(tierText(view, tiers.get(0)));
        for (List<ConfigurationResult> tier : tiers.subList(1, tiers.size())) {
            ConfigurationResult leader = tier.get(0);
            String part = view.label(leader) + " reaches only " + Numbers.percent(100 * throughput(leader) / throughput(top))
                    + " of " + view.label(top) + "'s throughput: " + verdict(view, leader, top);
            if (tier.size() > 1) {
                part += ", and " + tierText(view, tier);
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }

    /**
     * "a and b are practically the same: ..." when every member is shown equivalent to the leader, "a and b
     * are not ranked apart: ..." when the run could not tell, "a is highest" for a tier of one.
     */
    private static String tierText(RunView view, List<ConfigurationResult> tier) {
        ConfigurationResult leader = tier.get(0);
        if (tier.size() == 1) {
            return view.label(leader) + " is highest";
        }
        List<ConfigurationResult> others = tier.subList(1, tier.size());
        boolean same = others.stream().allMatch(c -> view.comparison(c, leader)
                .orElseThrow().comparison().outcome() == Outcome.PRACTICALLY_SAME);
        String names = tier.stream().limit(tier.size() - 1).map(view::label).collect(Collectors.joining(", "))
                + " and " + view.label(tier.get(tier.size() - 1));
        String why = others.stream().map(c -> verdict(view, c, leader)).collect(Collectors.joining("; "));
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
        return c.named(view.label(first), view.label(second)).sentence("faster", "slower");
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
