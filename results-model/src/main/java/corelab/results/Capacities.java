package corelab.results;

import corelab.results.Capacity.ModeCapacity;
import corelab.results.Capacity.RateP99;
import corelab.results.Capacity.Reach;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Capacity at a latency target, from a run's open-load configurations: for each mode (with its pool, workers,
 * cores and connections) under each workload, its swept rates in ascending order, each sustained or not, and
 * the capacity between the last rate sustained and the first that was not.
 *
 * <p>A rate counts as sustained when its configuration is valid and <em>every</em> trial's p99 is under the
 * target. Why every trial, and not the merged p99 or a confidence bound of the mean p99: the trials are the
 * independent repetitions (spread over the run in shuffled rounds), while the requests inside one are not (one
 * stall delays every request due during it, which is exactly what the coordinated-omission correction counts),
 * so an interval from the merged request count would be far too narrow; and a trial's p99 is skewed (one pause
 * moves it a lot), so Student's t on five of them rests on a normality they do not have. "Every trial under"
 * needs no such assumption: were a trial's p99 over the target half the time or more, all n trials would land
 * under it with probability at most 0.5^n (a one-sided sign test: 97% confidence with 5 trials, 88% with 3, 50%
 * with one). It also implies that the merged p99, the figure drawn, is under the target: a mixture's p99 cannot
 * exceed the largest of its parts'.
 *
 * <p>The capacity stops at the first rate that was not sustained, even if a higher one passed again: that is
 * noise or a mode that recovers, not a rate to promise; the sentence says so.
 */
public final class Capacities {
    public static final String RULE = "a rate is sustained when its configuration is valid and every trial's p99"
            + " (latency from when each request was due) is under the target: were a trial's p99 over the target half"
            + " the time or more, all n trials would fall under it with probability at most 0.5^n (97% confidence"
            + " with 5 trials, 88% with 3, 50% with one)";

    private Capacities() {
    }

    /** The capacity of every mode swept over two or more open-load rates; no such mode: an empty list of modes. */
    public static Capacity of(List<ConfigurationResult> configurations, double p99TargetMillis) {
        Map<String, List<ConfigurationResult>> sweeps = new LinkedHashMap<>();
        for (ConfigurationResult c : configurations) {
            Configuration configured = c.configuration();
            if (c.fault() != null || configured.ratePerSecond() == null) {
                continue; // a fault run is one window of one event, and closed load has no rate to sweep
            }
            // Everything but the rate: what a rate sweep of one mode holds fixed.
            String key = String.join("|", configured.workload(), Comparisons.shortName(c),
                    Integer.toString(configured.concurrency()), Integer.toString(configured.coresAllowed()),
                    String.valueOf(configured.cpuIterations()), String.valueOf(configured.backendDelayMillis()),
                    c.profiled() ? c.profile().event() : "unprofiled");
            sweeps.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<ModeCapacity> modes = new ArrayList<>();
        for (List<ConfigurationResult> sweep : sweeps.values()) {
            if (sweep.stream().map(c -> c.configuration().ratePerSecond()).distinct().count() >= 2) {
                modes.add(mode(sweep, p99TargetMillis));
            }
        }
        return new Capacity(p99TargetMillis, RULE, modes);
    }

    private static ModeCapacity mode(List<ConfigurationResult> sweep, double p99TargetMillis) {
        List<ConfigurationResult> ascending = sweep.stream()
                .sorted(Comparator.comparingDouble(c -> c.configuration().ratePerSecond())).toList();
        List<RateP99> rates = ascending.stream().map(c -> rate(c, p99TargetMillis)).toList();
        int firstFailed = 0;
        while (firstFailed < rates.size() && rates.get(firstFailed).sustained()) {
            firstFailed++;
        }
        Reach reach = firstFailed == 0 ? Reach.BELOW_SWEEP
                : firstFailed == rates.size() ? Reach.ABOVE_SWEEP : Reach.WITHIN_SWEEP;
        Double atLeast = firstFailed == 0 ? null : rates.get(firstFailed - 1).ratePerSecond();
        Double below = firstFailed == rates.size() ? null : rates.get(firstFailed).ratePerSecond();
        ConfigurationResult first = ascending.get(0);
        Configuration c = first.configuration();
        String load = c.loadModel() + " c" + c.concurrency();
        String name = String.format(Locale.ROOT, "%s on %s (%s, %d %s)", Comparisons.shortName(first), c.workload(),
                load, c.coresAllowed(),
                c.coresAllowed() == 1 ? "core" : "cores");
        String target = Capacity.target(p99TargetMillis);
        String sentence = switch (reach) {
            case WITHIN_SWEEP -> String.format(Locale.ROOT, "%s: %s at least up to %s and below %s (the sweep has no"
                    + " rate between them; at %s %s)", name, target, rate(atLeast), rate(below), rate(below),
                    rates.get(firstFailed).why());
            case BELOW_SWEEP -> rates.stream().noneMatch(RateP99::sustained)
                    ? String.format(Locale.ROOT, "%s: no swept rate kept %s, so its capacity is below %s, the lowest"
                            + " (at %s %s)", name, target, rate(below), rate(below), rates.get(0).why())
                    : String.format(Locale.ROOT, "%s: the lowest swept rate, %s, did not keep %s, so its capacity is"
                            + " below it (%s)", name, rate(below), target, rates.get(0).why());
            case ABOVE_SWEEP -> String.format(Locale.ROOT, "%s: every swept rate kept %s, up to %s: its capacity is"
                    + " at least that (raise the sweep to find it)", name, target, rate(atLeast));
        };
        List<String> passedAgain = rates.subList(firstFailed, rates.size()).stream().filter(RateP99::sustained)
                .map(r -> rate(r.ratePerSecond())).toList();
        if (!passedAgain.isEmpty()) {
            sentence += "; " + String.join(", ", passedAgain) + " passed again above the failed " + rate(below)
                    + ": not counted, the capacity stops at the first rate that failed";
        }
        return new ModeCapacity(c.workload(), Comparisons.shortName(first), load, c.coresAllowed(), reach, atLeast,
                below, rates, sentence);
    }

    private static RateP99 rate(ConfigurationResult c, double p99TargetMillis) {
        List<TrialResult> answered = c.trials().stream().filter(t -> t.latency().count() > 0).toList();
        double highest = answered.stream().mapToDouble(t -> t.latency().p99Micros()).max().orElse(Double.NaN);
        double merged = mergedP99Micros(answered);
        String why;
        if (!c.verdict().valid()) {
            why = "it was INVALID (" + String.join("; ", c.verdict().invalidReasons()) + ")";
        } else if (answered.size() < c.trials().size() || answered.isEmpty()) {
            why = "a trial had no answer at all";
        } else if (!(highest < p99TargetMillis * 1000)) {
            why = "a trial's p99 was " + millis(highest) + ", all its trials merged " + millis(merged);
        } else {
            why = "";
        }
        return new RateP99(c.configuration().ratePerSecond(), c.configuration().id(), c.verdict().valid(),
                answered.size(), merged, highest, why.isEmpty(), why);
    }

    /** p99 of all the trials' requests together, from their saved histograms; NaN without them. */
    private static double mergedP99Micros(List<TrialResult> trials) {
        Histogram merged = Histograms.empty();
        for (TrialResult trial : trials) {
            if (trial.histogram() == null) {
                return Double.NaN;
            }
            merged.add(Histograms.decode(trial.histogram()));
        }
        return merged.getTotalCount() == 0 ? Double.NaN : merged.getValueAtPercentile(99);
    }

    /** "2000/s", "12.5/s": a whole rate without decimals, others as given. */
    private static String rate(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? String.format(Locale.ROOT, "%.0f", perSecond)
                : Double.toString(perSecond)) + "/s";
    }

    private static String millis(double micros) {
        return Double.isNaN(micros) ? "unknown" : String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }
}
