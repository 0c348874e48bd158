package corelab.harness.console;

import corelab.results.Capacity;
import java.util.Locale;

/** Capacity at the latency target, as the console prints it after the table: one line per mode, and the rule. */
public final class CapacityLines {
    private CapacityLines() {
    }

    /** The lines, or "" without a target. */
    public static String render(Capacity capacity) {
        if (capacity == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%ncapacity at %s (-Dp99TargetMillis):%n",
                capacity.target()));
        if (capacity.modes().isEmpty()) {
            out.append("  no mode was measured at two rates or more: nothing to find a capacity in\n");
        }
        capacity.modes().forEach(mode -> out.append("  ").append(mode.sentence()).append('\n'));
        return out.append("  (").append(capacity.rule()).append(")\n").toString();
    }
}
