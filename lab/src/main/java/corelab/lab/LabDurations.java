package corelab.lab;

import corelab.harness.plan.Durations;
import corelab.harness.plan.Schedule;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a notebook's runs last. A lab's cells give the durations a class should use; CI, which
 * must execute every notebook in well under a minute each, sets {@code CORELAB_LAB_DURATIONS=tiny}
 * and every run is cut to the least that still yields a confidence interval: no warmup, three
 * trials of one second, and no unrecorded re-warm before each trial (it would double every trial). Its figures prove only that the lab runs end to end, not what it teaches.
 */
final class LabDurations {
    static final String VARIABLE = "CORELAB_LAB_DURATIONS";
    static final String TINY = "tiny";

    /** What {@code tiny} replaces: three trials, the fewest with a confidence interval. */
    static final Map<String, String> TINY_OPTIONS = tinyOptions();

    private LabDurations() {
    }

    /**
     * The options to run, given the lab's options and the variable's value (null or empty: unset).
     *
     * @throws OptionException the variable has a value other than {@code tiny}
     */
    static Map<String, String> apply(Map<String, String> options, String variable) {
        if (variable == null || variable.isBlank()) {
            return options;
        }
        if (!variable.strip().equals(TINY)) {
            throw new OptionException(VARIABLE + " must be '" + TINY + "' (CI: every run cut to 3 trials of 1 s,"
                    + " no warmup, no re-warm) or unset (the lab's own durations), was '" + variable + "'");
        }
        Map<String, String> cut = new LinkedHashMap<>(options);
        cut.putAll(TINY_OPTIONS);
        return cut;
    }

    private static Map<String, String> tinyOptions() {
        Map<String, String> tiny = new LinkedHashMap<>(); // in this order in the recorded command
        put(tiny, Durations.WARMUP_SECONDS, 0);
        put(tiny, Durations.TRIAL_SECONDS, 1);
        put(tiny, Durations.TRIALS, 3);
        put(tiny, Schedule.REWARM_SECONDS, 0);
        return java.util.Collections.unmodifiableMap(tiny);
    }

    /** The lab's options are text, as a notebook's cell gives them: the value as the command line would write it. */
    private static <T> void put(Map<String, String> options, Option<T> option, T value) {
        options.put(option.name(), option.text(option.check(value)));
    }
}
