package corelab.results;

import java.util.List;
import java.util.Map;

/**
 * A trial driven by another load generator than corelab's own ({@code -Dgenerator=wrk}, {@code ab},
 * {@code ab-k}): which tool, its exact command, and each figure of the trial that the tool cannot
 * give, with the reason ({@code missing}: field name -> why). Those figures are null or NaN in the
 * trial, never made up: a tool's summary has no full histogram, and no tool checks the answers.
 */
public record ToolTrial(String tool, List<String> command, Map<String, String> missing) {
    public ToolTrial {
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("a tool trial names its tool");
        }
        command = List.copyOf(command);
        missing = Map.copyOf(missing);
    }
}
