package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ProfileResult;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Where the time goes" tables as plain text, for a notebook: each profiled
 * configuration's samples by {@link FrameGroup} and its top frames, the same figures as the
 * report's section, read from a saved results folder.
 */
public final class ProfileTables {
    private ProfileTables() {
    }

    /** One paragraph per profiled configuration, or a line saying the run was not profiled. */
    public static String text(Path resultsFolder, int topFrames) throws ResultsFormatException, IOException {
        RunResult run = ResultsJson.read(resultsFolder);
        RunView view = new RunView(run);
        List<String> paragraphs = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            if (!c.profiled() || !c.profile().sampled()) {
                continue; // a flight recording alone has no stacks
            }
            ProfileResult profile = c.profile();
            CollapsedStacks stacks = CollapsedStacks.read(resultsFolder.resolve(profile.collapsed()));
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s on %s: %d samples of %s by %s (%s)%n",
                    view.label(c), c.configuration().workload(), profile.samples(), profile.event(), profile.engine(),
                    profile.flameGraph()));
            List<String> groups = new ArrayList<>();
            for (Map.Entry<FrameGroup, Double> share : stacks.groupShares().entrySet()) {
                groups.add(String.format(Locale.ROOT, "%s %.1f%%", share.getKey().label(), 100 * share.getValue()));
            }
            text.append("  ").append(String.join(" | ", groups)).append('\n');
            for (CollapsedStacks.SelfFrame frame : stacks.topSelfFrames(topFrames)) {
                text.append(String.format(Locale.ROOT, "  %5.1f%%  %s (%s)%n", 100 * frame.share(), frame.frame(),
                        frame.group().label()));
            }
            paragraphs.add(text.toString());
        }
        return paragraphs.isEmpty() ? "this run was not profiled (-Dprofile=cpu profiles it)"
                : String.join("\n", paragraphs);
    }
}
