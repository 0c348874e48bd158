package corelab.reports;

import corelab.results.ConfigurationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * report.html: one self-contained page (styles inline, charts as base64 PNG, no script, no
 * fetch), readable offline after copying, in a browser or projected in class.
 */
final class PageWriter {
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1240px;margin:0 auto;padding:1em 2em;\
            color:#1d1d1d;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .nav{font-size:.92em;color:#555}.nav a{margin-right:.8em}
            .banner{background:#fde2e1;border:2px solid #c0392b;padding:.8em 1em;font-size:1.1em;margin:1em 0}
            .invalid-box{background:#f2f2f2;border-left:6px solid #9e9e9e;padding:.4em 1em;margin:1em 0}
            .error{background:#fde2e1;border-left:6px solid #c0392b;padding:.4em 1em}
            table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .5em;\
            vertical-align:top;text-align:left}
            table.facts th{background:#f7f7f7;white-space:nowrap}td.num{text-align:right}
            table.figures td,table.runs td:first-child{white-space:nowrap}table.figures td.what{white-space:normal;min-width:22em}
            tr.invalid td{background:repeating-linear-gradient(135deg,#f0f0f0,#f0f0f0 6px,#e2e2e2 6px,#e2e2e2 12px);\
            color:#555}
            .scroll{overflow-x:auto}figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.93em;color:#333;max-width:960px}.note{color:#555;font-size:.93em}
            ul.findings li{margin:.35em 0}
            """;

    private PageWriter() {
    }

    static String write(RunView view, Path folder, Optional<SingleCoreRate> singleCoreRate) {
        List<String> failures = new ArrayList<>();
        List<Section> sections = sections(view, singleCoreRate, failures);

        String runId = view.run().runId();
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>corelab report ").append(Html.text(runId)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>corelab report: ").append(Html.text(runId)).append("</h1>\n");
        nav(html, view, sections, ProfileSection.applies(view));
        HeaderWriter.write(html, view);

        html.append("<h2 id=\"summary\">Summary of findings</h2>\n<ul class=\"findings\">\n");
        for (String finding : SummaryWriter.findings(view)) {
            html.append("<li>").append(Html.text(finding)).append("</li>\n");
        }
        html.append("</ul>\n<p class=\"note\">Drawn only from the statistics below: modes are ranked apart only by a"
                + " difference that is significant after Holm's correction over the workload's comparisons and larger"
                + " than the equivalence margin (" + Html.text(view.equivalenceMargin()) + "). \"Practically the same\""
                + " means the whole 90% interval of the difference lies inside that margin; \"no significant difference"
                + " detected\" means the run could not tell, and says how large a difference it could have seen. Each"
                + " workload is ranked at the load level shown.</p>\n");
        invalid(html, view);

        for (Section section : sections) {
            html.append("<h2 id=\"").append(Html.anchor(section.heading())).append("\">")
                    .append(Html.text(section.heading())).append("</h2>\n");
            section.notes().forEach(note -> html.append("<p class=\"note\">").append(Html.text(note)).append("</p>\n"));
            for (Figure figure : section.figures()) {
                html.append("<figure>\n<img alt=\"").append(Html.text(figure.title())).append("\" src=\"")
                        .append(figure.dataUri()).append("\">\n<figcaption><strong>").append(Html.text(figure.title()))
                        .append(".</strong> ").append(Html.text(figure.caption())).append("</figcaption>\n</figure>\n");
            }
            if (section.heading().equals(CapacityChart.HEADING)) {
                CapacityChart.table(html, view);
            }
        }
        for (String failure : failures) {
            html.append("<p class=\"error\">A chart could not be drawn (").append(Html.text(failure))
                    .append("). The rest of the report is unaffected; please report this as a corelab bug.</p>\n");
        }

        if (ProfileSection.applies(view)) {
            ProfileSection.write(html, view, folder);
        }
        TableWriter.configurations(html, view);
        ResourceTable.write(html, view);
        TableWriter.comparisons(html, view);
        TableWriter.rawFiles(html, folder);
        html.append("<p class=\"note\">All runs beside this one: <a href=\"../").append(IndexWriter.FILE_NAME)
                .append("\">").append(IndexWriter.FILE_NAME).append("</a>.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Every chart section in page order; a chart that fails to draw is reported in {@code failures}. */
    static List<Section> sections(RunView view, Optional<SingleCoreRate> singleCoreRate, List<String> failures) {
        if (view.configurations().isEmpty()) {
            return List.of(Section.absent("Charts", "No configuration finished before these results were saved, so"
                    + " there is nothing to chart yet."));
        }
        if (view.workloads().isEmpty()) {
            // Only fault runs: one observation each, nothing for the comparison charts to set side by side.
            return List.of(FaultChart.section(view));
        }
        List<Supplier<Section>> charts = List.of(
                () -> ThroughputChart.section(view),
                () -> CounterChart.section(view),
                () -> SweepChart.section(view, singleCoreRate),
                () -> CapacityChart.section(view),
                () -> LatencySpectrumChart.section(view),
                () -> ConnectionsChart.section(view),
                () -> PerCoreChart.section(view),
                () -> MemoryChart.section(view),
                () -> ScalingChart.section(view),
                () -> FairnessChart.section(view),
                () -> ClusterCpuChart.section(view),
                () -> TimeSeriesChart.section(view),
                () -> FaultChart.section(view),
                () -> CpuChart.section(view));
        List<Section> sections = new ArrayList<>();
        for (Supplier<Section> chart : charts) {
            try {
                sections.add(chart.get());
            } catch (DamagedResultsException e) {
                throw e;
            } catch (RuntimeException e) {
                // One chart that cannot be drawn must not cost the class the rest of the report; say so on the page.
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return sections;
    }

    private static void nav(StringBuilder html, RunView view, List<Section> sections, boolean profiled) {
        html.append("<p class=\"nav\"><a href=\"#what-was-run\">what was run</a><a href=\"#summary\">summary</a>");
        for (Section section : sections) {
            html.append("<a href=\"#").append(Html.anchor(section.heading())).append("\">")
                    .append(Html.text(section.heading().toLowerCase(Locale.ROOT))).append("</a>");
        }
        if (profiled) {
            html.append("<a href=\"#").append(Html.anchor(ProfileSection.HEADING)).append("\">")
                    .append(ProfileSection.HEADING.toLowerCase(Locale.ROOT)).append("</a>");
        }
        html.append("<a href=\"#figures\">every configuration</a>")
                .append(ResourceTable.applies(view) ? "<a href=\"#resources\">per request</a>" : "")
                .append("<a href=\"#comparisons\">comparisons</a>")
                .append("<a href=\"#raw\">raw results</a><a href=\"../").append(IndexWriter.FILE_NAME)
                .append("\">all runs</a></p>\n");
    }

    private static void invalid(StringBuilder html, RunView view) {
        List<ConfigurationResult> invalid = view.configurations().stream().filter(c -> !c.verdict().valid()).toList();
        if (invalid.isEmpty()) {
            return;
        }
        html.append("<div class=\"invalid-box\" id=\"invalid\"><h3>Invalid configurations: do not trust these figures</h3>\n"
                + "<p>They are grey and marked (INVALID) in every chart, and shaded in the table.</p>\n<ul>\n");
        for (ConfigurationResult c : invalid) {
            html.append("<li><strong>").append(Html.text(c.configuration().id())).append("</strong>: ")
                    .append(Html.text(String.join("; ", c.verdict().invalidReasons()))).append("</li>\n");
        }
        html.append("</ul>\n</div>\n");
    }
}
