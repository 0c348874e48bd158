package corelab.reports;

import corelab.results.ResultsCsv;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * index.html beside the results folders: one row per run, newest first, with its date, what it
 * measured, how it ended and its headline figures. A folder whose results cannot be read is
 * listed with the reason, never skipped in silence.
 */
final class IndexWriter {
    static final String FILE_NAME = "index.html";

    private IndexWriter() {
    }

    /** Rewrites {@code parent/index.html} from every results folder in {@code parent}; returns its path. */
    static Path refresh(Path parent) throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(parent)) {
            folders = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(IndexWriter::looksLikeResults)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>corelab runs</title>\n<style>\n").append(PageWriter.STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>corelab runs</h1>\n<p class=\"note\">Every results folder in ")
                .append(Html.text(parent.toAbsolutePath().toString()))
                .append(", newest first. Throughput is the mean with its 95% confidence interval, per workload at the"
                        + " load level its report ranks.</p>\n");
        if (folders.isEmpty()) {
            html.append("<p>No results folder here yet.</p>\n");
        } else {
            html.append("<div class=\"scroll\"><table class=\"runs\">\n<tr><th>run</th><th>started</th><th>status</th>"
                    + "<th>modes</th><th>workloads</th><th>headline throughput (req/s)</th></tr>\n");
            for (Path folder : folders) {
                row(html, folder);
            }
            html.append("</table></div>\n");
        }
        html.append("</body>\n</html>\n");
        Path index = parent.resolve(FILE_NAME);
        corelab.results.AtomicFiles.write(index, html.toString());
        return index;
    }

    private static boolean looksLikeResults(Path folder) {
        return Stream.of(ResultsJson.FILE_NAME, Report.FILE_NAME, ResultsCsv.CONFIGURATIONS)
                .anyMatch(name -> Files.exists(folder.resolve(name)));
    }

    private static void row(StringBuilder html, Path folder) {
        String name = folder.getFileName().toString();
        boolean hasReport = Files.isRegularFile(folder.resolve(Report.FILE_NAME));
        String link = hasReport
                ? "<a href=\"" + Html.pathSegment(name) + "/" + Report.FILE_NAME + "\">" + Html.text(name) + "</a>"
                : Html.text(name) + " <span class=\"note\">(no report yet)</span>";
        try {
            RunResult run = ResultsJson.read(folder);
            ResultsCheck.check(run, folder.resolve(ResultsJson.FILE_NAME).toString());
            RunView view = new RunView(run);
            html.append(run.status() == RunResult.Status.COMPLETE ? "<tr>" : "<tr class=\"invalid\">")
                    .append("<td>").append(link).append("</td>")
                    .append("<td>").append(Html.text(run.startedAt())).append("</td>")
                    .append("<td>").append(Html.text(run.status().name())).append("</td>")
                    .append("<td>").append(Html.text(String.join(", ", view.modes()))).append("</td>")
                    .append("<td>").append(Html.text(String.join(", ", view.allWorkloads()))).append("</td>")
                    .append("<td>").append(headline(view)).append("</td></tr>\n");
        } catch (ResultsFormatException | RuntimeException e) {
            html.append("<tr class=\"invalid\"><td>").append(link).append("</td><td colspan=\"5\" class=\"error\">")
                    .append("cannot read these results: ").append(Html.text(e.getMessage())).append("</td></tr>\n");
        }
    }

    private static String headline(RunView view) {
        return view.workloads().stream().map(workload -> {
            RunView.Slice slice = view.headline(workload);
            return "<strong>" + Html.text(workload) + "</strong> (" + Html.text(slice.load()) + "): "
                    + slice.configurations().stream()
                    .map(c -> Html.text(view.seriesName(c) + " " + c.summary().throughputPerSecond().format("")))
                    .collect(Collectors.joining(", "));
        }).collect(Collectors.joining("<br>\n"));
    }
}
