package corelab.harness.plan;

import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ValueType;

/** Past these limits a configuration's figures are not trusted: it is marked invalid, with the reason. */
public record Thresholds(double maxGeneratorUtilization, double maxErrorPercent) {
    public static final Option<Double> MAX_GENERATOR_UTILIZATION = Option.of("maxGeneratorUtilization",
            ValueType.number(value -> value > 0 && value <= 1, "above 0 and at most 1"), 0.9,
            "a trial whose load generator used more of its CPU than this is invalid (saturated)");
    public static final Option<Double> MAX_ERROR_PERCENT = Option.of("maxErrorPercent",
            ValueType.number(value -> value >= 0 && value <= 100, "from 0 to 100"), 1.0,
            "a configuration with more failed requests than this is invalid");

    public Thresholds {
        MAX_GENERATOR_UTILIZATION.check(maxGeneratorUtilization);
        MAX_ERROR_PERCENT.check(maxErrorPercent);
    }

    static Thresholds read(OptionValues values) {
        return new Thresholds(values.get(MAX_GENERATOR_UTILIZATION), values.get(MAX_ERROR_PERCENT));
    }
}
