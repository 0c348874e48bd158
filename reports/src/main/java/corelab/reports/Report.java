package corelab.reports;

import corelab.harness.results.AtomicFiles;
import corelab.harness.results.ResultsFormatException;
import corelab.harness.results.ResultsJson;
import corelab.harness.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a run's results folder as one self-contained HTML page with charts, the page a
 * student opens after a lab and a teacher projects in class, and refreshes the index of all
 * runs beside it. Nothing is measured here: everything comes from the saved results.json, so
 * a report can be drawn again at any time, on any machine.
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
        String source = folder.resolve(ResultsJson.FILE_NAME).toString();
        RunResult run = ResultsJson.read(folder);
        ResultsCheck.check(run, source);
        String html;
        try {
            html = PageWriter.write(new RunView(run), folder, singleCoreRate);
        } catch (DamagedResultsException e) {
            throw new ResultsFormatException(source + " is damaged: " + e.getMessage(), e);
        }
        Path report = folder.resolve(FILE_NAME);
        AtomicFiles.write(report, html);
        if (folder.getParent() != null) {
            IndexWriter.refresh(folder.getParent());
        }
        return report;
    }
}
