package corelab.harness.tool;

import corelab.results.Errors;
import corelab.results.Latency;
import java.util.Map;

/**
 * What one run of a tool reported, in corelab's units: answers, its own requests per second,
 * failures by kind, latency (NaN where the tool prints no such figure), and why each figure it
 * cannot give is missing.
 */
public record ToolFigures(long completed, double seconds, double throughputPerSecond, Errors errors, Latency latency,
                          Map<String, String> missing) {
    /** Figures no tool here gives, whatever it prints. */
    static final Map<String, String> NEVER_GIVEN = Map.of(
            "histogram", "the tool prints a summary, not its full histogram",
            "intervals", "the tool prints one summary for the whole run, not one per second",
            "errors.wrongAnswers", "the tool does not check the answers' bodies");

    public ToolFigures {
        missing = Map.copyOf(missing);
    }
}
