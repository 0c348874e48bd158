package corelab.reports;

import corelab.results.ConfigurationResult;
import corelab.results.ProfileResult;
import corelab.results.stats.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Where the time goes": for each workload, each profiled configuration's flame graph (a
 * thumbnail drawn here, linked to async-profiler's interactive page in the results folder)
 * and its samples by {@link FrameGroup} and by top frame; and the profiler's own cost, the
 * one place where profiled and unprofiled figures meet.
 */
final class ProfileSection {
    static final String HEADING = "Where the time goes";
    private static final int TOP_FRAMES = 8;

    private ProfileSection() {
    }

    static boolean applies(RunView view) {
        return view.configurations().stream().anyMatch(ConfigurationResult::profiled);
    }

    static void write(StringBuilder html, RunView view, Path folder) {
        html.append("<h2 id=\"").append(Html.anchor(HEADING)).append("\">").append(HEADING).append("</h2>\n")
                .append("<p class=\"note\">async-profiler (and, with jfr, the JDK Flight Recorder) ran inside every"
                        + " server JVM during the measured trials only (not the warmup); a cluster has one graph per"
                        + " process and a merged one. Profiled"
                        + " configurations (ids ending in /profile-&lt;event&gt;) carry the profiler's cost and are"
                        + " ranked only against each other. Thumbnail colours: ")
                .append(Html.text(String.join(", ", FlameThumbnail.legend()))).append(".</p>\n");
        overhead(html, view);
        for (String workload : view.workloads()) {
            html.append("<h3>").append(Html.text(workload)).append("</h3>\n");
            for (ConfigurationResult c : view.of(workload)) {
                if (c.profiled()) {
                    configuration(html, view, c, folder);
                }
            }
        }
    }

    private static void configuration(StringBuilder html, RunView view, ConfigurationResult c, Path folder) {
        ProfileResult profile = c.profile();
        if (profile.sampled()) {
            flameGraph(html, view, c, folder);
        } else {
            html.append("<p><strong>").append(Html.text(view.label(c))).append("</strong>:</p>\n");
        }
        if (profile.flightRecording() != null) {
            FlightRecordingTable.write(html, profile.flightRecording());
        }
    }

    private static void flameGraph(StringBuilder html, RunView view, ConfigurationResult c, Path folder) {
        ProfileResult profile = c.profile();
        html.append("<figure>\n<a href=\"").append(Html.text(profile.flameGraph())).append("\">");
        Optional<CollapsedStacks> stacks = read(folder.resolve(profile.collapsed()));
        html.append(stacks.map(FlameThumbnail::svg).orElse("[the collapsed stacks are missing]"));
        html.append("</a>\n<figcaption><strong>").append(Html.text(view.label(c))).append("</strong>: ")
                .append(profile.samples()).append(" samples of ").append(Html.text(profile.event()))
                .append(", sampled by ").append(Html.text(profile.engine()))
                .append(profile.engine().equals("perf_events") ? "" : " (no kernel frames)")
                .append(". <a href=\"").append(Html.text(profile.flameGraph())).append("\">interactive flame graph</a>");
        if (profile.processes().size() > 1) {
            html.append(" (all processes); each process:");
            for (ProfileResult.ProcessProfile p : profile.processes()) {
                html.append(" <a href=\"").append(Html.text(p.flameGraph())).append("\">")
                        .append(Html.text(p.role() + (p.workerId() > 0 ? " " + p.workerId() : ""))).append("</a>");
            }
        }
        html.append(".</figcaption>\n</figure>\n");
        stacks.ifPresent(s -> tables(html, s));
    }

    private static void tables(StringBuilder html, CollapsedStacks stacks) {
        html.append("<table class=\"facts\"><tr>");
        Map<FrameGroup, Double> shares = stacks.groupShares();
        shares.keySet().forEach(g -> html.append("<th>").append(Html.text(g.label())).append("</th>"));
        html.append("</tr>\n<tr>");
        shares.values().forEach(share -> html.append("<td class=\"num\">").append(percent(share)).append("</td>"));
        html.append("</tr></table>\n<table class=\"facts\"><tr><th>top frames (self samples)</th><th>share</th>"
                + "<th>group</th></tr>\n");
        for (CollapsedStacks.SelfFrame frame : stacks.topSelfFrames(TOP_FRAMES)) {
            html.append("<tr><td>").append(Html.text(frame.frame())).append("</td><td class=\"num\">")
                    .append(percent(frame.share())).append("</td><td>").append(Html.text(frame.group().label()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The profiler's cost: a configuration measured both ways in the run, CPU time per request. */
    private static void overhead(StringBuilder html, RunView view) {
        List<ConfigurationResult> all = view.configurations();
        for (ConfigurationResult profiled : all) {
            if (!profiled.profiled()) {
                continue;
            }
            String baseId = profiled.configuration().id().replaceFirst("/profile-[a-z+]+$", "");
            for (ConfigurationResult plain : all) {
                if (!plain.profiled() && plain.configuration().id().equals(baseId)) {
                    html.append("<p><strong>The profiler's cost</strong>, on ").append(Html.text(baseId)).append(": ")
                            .append(Html.text(overheadSentence(plain.summary().requestsPerCpuSecond(),
                                    profiled.summary().requestsPerCpuSecond(), profiled.profile().event())))
                            .append("</p>\n");
                }
            }
        }
    }

    /** "CPU per request: 120.0 µs unprofiled, 131.0 µs with cpu profiling (+9.2%)", from requests per CPU-second. */
    static String overheadSentence(Estimate plainRate, Estimate profiledRate, String event) {
        if (!(plainRate.mean() > 0) || !(profiledRate.mean() > 0)) {
            return "not measured (the server's CPU time was not sampled)";
        }
        double plainMicros = 1e6 / plainRate.mean();
        double profiledMicros = 1e6 / profiledRate.mean();
        return String.format(Locale.ROOT, "server CPU per request %.1f µs unprofiled, %.1f µs with %s profiling"
                        + " (%+.1f%%), measured one after the other on the same server process; a busy machine moves"
                        + " both", plainMicros, profiledMicros, event, 100 * (profiledMicros / plainMicros - 1));
    }

    private static Optional<CollapsedStacks> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CollapsedStacks.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
