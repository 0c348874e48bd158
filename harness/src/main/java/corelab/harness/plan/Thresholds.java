package corelab.harness.plan;

import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ValueType;
import corelab.results.stats.ComparisonFamily;

/**
 * Past the first two limits a configuration's figures are not trusted: it is marked invalid, with the reason.
 * The third is how small a difference between two configurations counts as none at all. The fourth, when given,
 * is the latency target of an open-load rate sweep: the highest rate each mode sustains with p99 under it is
 * its capacity ({@link corelab.results.Capacities}).
 *
 * @param p99TargetMillis the target, or null when no capacity is asked for
 */
public record Thresholds(double maxGeneratorUtilization, double maxErrorPercent, double equivalencePercent,
                         Double p99TargetMillis) {
    public static final Option<Double> MAX_GENERATOR_UTILIZATION = Option.of("maxGeneratorUtilization",
            ValueType.number(value -> value > 0 && value <= 1, "above 0 and at most 1"), 0.9,
            "a trial whose load generator used more of its CPU than this is invalid (saturated)");
    public static final Option<Double> MAX_ERROR_PERCENT = Option.of("maxErrorPercent",
            ValueType.number(value -> value >= 0 && value <= 100, "from 0 to 100"), 1.0,
            "a configuration with more failed requests than this is invalid");
    public static final Option<Double> EQUIVALENCE_PERCENT = Option.of("equivalencePercent",
            ValueType.number(value -> value > 0 && value < 100, "above 0 and below 100"),
            ComparisonFamily.DEFAULT_EQUIVALENCE_PERCENT,
            "two configurations are practically the same when the 90% interval of their difference lies within"
                    + " this percentage of the slower one's throughput");
    public static final Option<Double> P99_TARGET_MILLIS = Option.of("p99TargetMillis",
            ValueType.optional(ValueType.number(millis -> millis > 0 && !Double.isInfinite(millis), "above 0")), null,
            "with -Dload=open and a rate sweep: each mode's capacity, the highest rate whose p99 (from when each"
                    + " request was due) stays under this in every trial of a valid configuration");

    public Thresholds {
        MAX_GENERATOR_UTILIZATION.check(maxGeneratorUtilization);
        MAX_ERROR_PERCENT.check(maxErrorPercent);
        EQUIVALENCE_PERCENT.check(equivalencePercent);
        P99_TARGET_MILLIS.check(p99TargetMillis);
    }

    /** No latency target. */
    public Thresholds(double maxGeneratorUtilization, double maxErrorPercent, double equivalencePercent) {
        this(maxGeneratorUtilization, maxErrorPercent, equivalencePercent, null);
    }

    static Thresholds read(OptionValues values) {
        return new Thresholds(values.get(MAX_GENERATOR_UTILIZATION), values.get(MAX_ERROR_PERCENT),
                values.get(EQUIVALENCE_PERCENT), values.get(P99_TARGET_MILLIS));
    }
}
