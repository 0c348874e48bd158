package corelab.reports;

import corelab.results.AtomicFiles;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a run's results folder as one self-contained HTML page with charts, the page a
 * student opens after a lab and a teacher projects in class, and refreshes the index of all
 * runs beside it. Nothing is measured here: everything comes from the saved results.json, so
 * a report can be drawn again at any time, on any machine. The same charts and findings are
 * also available one by one ({@link #charts}, {@link #findings}), for a notebook to show inline.
 */
public final class Report {
    public static final String FILE_NAME = "report.html";

    private Report() {
    }

    /**
     * Renders {@code <resultsFolder>/report.html} (self-contained: every chart embedded as a base64 PNG,
     * no network fetches, no external CSS or JS) from the results saved there, and refreshes
     * {@code <resultsFolder>/../index.html}, which lists every results folder beside it.
     *
     * @return the report's path
     * @throws ResultsFormatException results missing or damaged; the message says which file and what
     * @throws IOException            the report or the index could not be written
     */
    public static Path render(Path resultsFolder) throws ResultsFormatException, IOException {
        return render(resultsFolder, Optional.empty());
    }

    /**
     * As {@link #render(Path)}, with a measured single-core rate of the cpu workload for the cpu limit
     * line of the sweep charts; without one, the chart uses corelab's estimate and says so.
     */
    public static Path render(Path resultsFolder, Optional<SingleCoreRate> singleCoreRate)
            throws ResultsFormatException, IOException {
        Objects.requireNonNull(singleCoreRate, "singleCoreRate (use Optional.empty())");
        Path folder = resultsFolder.toAbsolutePath().normalize();
        RunView view = view(folder);
        String html;
        try {
            html = PageWriter.write(view, folder, singleCoreRate);
        } catch (DamagedResultsException e) {
            throw damaged(folder, e);
        }
        Path report = folder.resolve(FILE_NAME);
        AtomicFiles.write(report, html);
        if (folder.getParent() != null) {
            IndexWriter.refresh(folder.getParent());
        }
        return report;
    }

    /**
     * Every chart that {@link #render} puts in report.html, in page order, each with the heading of its
     * section; a section the run has nothing for (no sweep, no cluster) has no chart here either.
     *
     * @throws IllegalStateException a chart could not be drawn (report.html says so on the page instead)
     */
    public static List<ReportChart> charts(Path resultsFolder, Optional<SingleCoreRate> singleCoreRate)
            throws ResultsFormatException {
        Objects.requireNonNull(singleCoreRate, "singleCoreRate (use Optional.empty())");
        Path folder = resultsFolder.toAbsolutePath().normalize();
        RunView view = view(folder);
        List<String> failures = new ArrayList<>();
        List<Section> sections;
        try {
            sections = PageWriter.sections(view, singleCoreRate, failures);
        } catch (DamagedResultsException e) {
            throw damaged(folder, e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a chart of " + folder + " could not be drawn (please report this as a"
                    + " corelab bug): " + String.join("; ", failures));
        }
        List<ReportChart> charts = new ArrayList<>();
        for (Section section : sections) {
            for (Figure figure : section.figures()) {
                charts.add(new ReportChart(section.heading(), figure.title(), figure.caption(), figure.png()));
            }
        }
        return List.copyOf(charts);
    }

    /** The report's summary of findings, in plain sentences drawn only from the statistics. */
    public static List<String> findings(Path resultsFolder) throws ResultsFormatException {
        Path folder = resultsFolder.toAbsolutePath().normalize();
        RunView view = view(folder);
        try {
            return List.copyOf(SummaryWriter.findings(view));
        } catch (DamagedResultsException e) {
            throw damaged(folder, e);
        }
    }

    private static RunView view(Path folder) throws ResultsFormatException {
        return new RunView(read(folder));
    }

    /** A results folder's run, read and checked: what every page is drawn from. */
    static RunResult read(Path folder) throws ResultsFormatException {
        RunResult run = ResultsJson.read(folder);
        ResultsCheck.check(run, source(folder));
        return run;
    }

    private static ResultsFormatException damaged(Path folder, DamagedResultsException e) {
        return new ResultsFormatException(source(folder) + " is damaged: " + e.getMessage(), e);
    }

    private static String source(Path folder) {
        return folder.resolve(ResultsJson.FILE_NAME).toString();
    }
}
