package corelab.harness.plan;

import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ValueType;
import corelab.results.stats.ComparisonFamily;

/**
 * Past the first two limits a configuration's figures are not trusted: it is marked invalid, with the reason.
 * The third is how small a difference between two configurations counts as none at all.
 */
public record Thresholds(double maxGeneratorUtilization, double maxErrorPercent, double equivalencePercent) {
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

    public Thresholds {
        MAX_GENERATOR_UTILIZATION.check(maxGeneratorUtilization);
        MAX_ERROR_PERCENT.check(maxErrorPercent);
        EQUIVALENCE_PERCENT.check(equivalencePercent);
    }

    static Thresholds read(OptionValues values) {
        return new Thresholds(values.get(MAX_GENERATOR_UTILIZATION), values.get(MAX_ERROR_PERCENT),
                values.get(EQUIVALENCE_PERCENT));
    }
}
