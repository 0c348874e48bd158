package corelab.harness.execute;

import corelab.harness.load.CounterLedger;
import corelab.harness.load.LoadModel;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.plan.LoadPoint;
import corelab.harness.plan.ServerPlan;
import corelab.harness.tool.Generator;
import corelab.harness.plan.Thresholds;
import corelab.results.Configuration;
import corelab.results.ConfigurationResult;
import corelab.results.CounterCheck;
import corelab.results.FaultResult;
import corelab.results.IntervalResult;
import corelab.results.ResourceSummary;
import corelab.results.Summary;
import corelab.results.TrialResult;
import corelab.results.Verdict;
import corelab.results.stats.Estimate;
import corelab.workloads.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** From trials to a configuration's summary and verdict. */
final class Summaries {
    private Summaries() {
    }

    static ConfigurationResult configuration(String id, ServerPlan plan, LoadPoint point, int coresAllowed,
                                             ServerUnderTest server, int warmupSeconds, List<TrialResult> trials,
                                             CounterLedger counterAnswers, FaultResult fault,
                                             Thresholds thresholds) {
        Summary summary = summary(trials, coresAllowed);
        List<String> invalid = fault == null ? invalidReasons(trials, summary, thresholds)
                : faultInvalidReasons(trials.get(0), fault, thresholds);
        // Another generator's figures are a series of their own beside corelab's: "single-wrk", "single-ab".
        String series = point.generator() == Generator.CORELAB ? plan.label()
                : plan.label() + "-" + point.generator().word();
        Configuration configuration = new Configuration(id, series, point.workload().word(),
                point.model().word(), point.concurrency(), point.ratePerSecond(),
                plan.threads(), plan.workers(), plan.cpuIterations(), plan.backendDelayMillis(),
                // where the count lives: a server started for every workload keeps its counter option, but only the
                // counter workload counts
                plan.counter() == null || point.workload() != Workload.COUNTER ? null : plan.counter().word(),
                coresAllowed, server.description(), server.command());
        return new ConfigurationResult(configuration, Verdict.of(invalid), warmupSeconds,
                counterAnswers == null ? null : new CounterCheck(counterAnswers.answers(), counterAnswers.highestCount(),
                        counterAnswers.repeatedCounts()),
                summary, trials, fault);
    }

    /**
     * A fault run is meant to fail requests: the error limit applies to the intervals before
     * the kill only, where a failure means the server was broken before the fault.
     */
    static List<String> faultInvalidReasons(TrialResult window, FaultResult fault, Thresholds thresholds) {
        List<String> reasons = new ArrayList<>();
        List<IntervalResult> before = window.intervals().stream()
                .filter(i -> i.startSeconds() + i.seconds() <= fault.firedAtSeconds() + 1e-9).toList();
        double utilization = before.stream().mapToDouble(IntervalResult::generatorUtilization).average().orElse(0);
        if (utilization > thresholds.maxGeneratorUtilization()) {
            reasons.add(String.format(Locale.ROOT,
                    Verdict.GENERATOR_SATURATED + " before the fault (%.0f%% of its CPU, limit %.0f%%):"
                            + " the figures measure the generator, not the server",
                    100 * utilization, 100 * thresholds.maxGeneratorUtilization()));
        }
        long failed = before.stream().mapToLong(IntervalResult::errors).sum();
        long completed = before.stream().mapToLong(IntervalResult::completed).sum();
        double percent = failed + completed == 0 ? 0 : 100.0 * failed / (failed + completed);
        if (percent > thresholds.maxErrorPercent()) {
            reasons.add(String.format(Locale.ROOT, "%.2f%% of requests failed before the fault (limit %.2f%%)",
                    percent, thresholds.maxErrorPercent()));
        }
        if (completed == 0) {
            reasons.add("no request was answered correctly before the fault");
        }
        return reasons;
    }

    static Summary summary(List<TrialResult> trials, int coresAllowed) {
        long completed = trials.stream().mapToLong(TrialResult::completed).sum();
        long failed = trials.stream().mapToLong(t -> t.errors().total()).sum();
        return new Summary(
                estimate(trials, TrialResult::throughputPerSecond),
                estimate(trials, t -> t.throughputPerSecond() / coresAllowed),
                estimate(trials, t -> t.server() == null ? Double.NaN : t.server().requestsPerCpuSecond()),
                estimate(trials, t -> t.latency().p50Micros()),
                estimate(trials, t -> t.latency().p99Micros()),
                estimate(trials, t -> t.latency().p999Micros()),
                estimate(trials, t -> t.uncorrectedLatency() == null ? Double.NaN : t.uncorrectedLatency().p99Micros()),
                estimate(trials, t -> t.server() == null ? Double.NaN : t.server().cpuCoresUsed()),
                estimate(trials, t -> t.server() == null ? Double.NaN : t.server().rssBytesMax()),
                estimate(trials, t -> t.generator().utilization()),
                completed + failed == 0 ? 0 : 100.0 * failed / (completed + failed), ResourceSummary.of(trials));
    }

    /** An estimate over the trials that have the figure (a finite one); none has it: all NaN. */
    private static Estimate estimate(List<TrialResult> trials, ToDoubleFunction<TrialResult> figure) {
        double[] values = trials.stream().mapToDouble(figure).filter(Double::isFinite).toArray();
        return Estimate.of(values);
    }

    static List<String> invalidReasons(List<TrialResult> trials, Summary summary, Thresholds thresholds) {
        List<String> reasons = new ArrayList<>();
        for (TrialResult trial : trials) {
            double utilization = trial.generator().utilization();
            double waiting = trial.generator().runQueueWaitShare();
            if (utilization > thresholds.maxGeneratorUtilization()) {
                reasons.add(String.format(Locale.ROOT,
                        Verdict.GENERATOR_SATURATED + " in trial %d (%.0f%% of its CPU, limit %.0f%%):"
                                + " the figures measure the generator, not the server",
                        trial.index(), 100 * utilization, 100 * thresholds.maxGeneratorUtilization()));
                break;
            }
            if (trial.generator().saturation() > thresholds.maxGeneratorUtilization()) {
                reasons.add(String.format(Locale.ROOT,
                        Verdict.GENERATOR_SATURATED + " in trial %d (busy %.0f%% of the time and waiting for a CPU"
                                + " %.0f%%, limit %.0f%% together): the figures measure the generator, not the server",
                        trial.index(), 100 * utilization, 100 * waiting, 100 * thresholds.maxGeneratorUtilization()));
                break;
            }
        }
        if (summary.errorPercent() > thresholds.maxErrorPercent()) {
            reasons.add(String.format(Locale.ROOT, "%.2f%% of requests failed (limit %.2f%%)",
                    summary.errorPercent(), thresholds.maxErrorPercent()));
        }
        if (trials.stream().mapToLong(TrialResult::completed).sum() == 0) {
            reasons.add("no request was answered correctly");
        }
        return reasons;
    }
}
