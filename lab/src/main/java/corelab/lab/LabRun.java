package corelab.lab;

import corelab.reports.ProfileTables;
import corelab.reports.ReportChart;
import corelab.results.ResultsFormatException;
import corelab.results.RunResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * A measured run as a notebook sees it: where its results and report are, the results themselves,
 * and the report's charts and findings to show inline. Everything here was measured and drawn by
 * corelab's modules; a notebook cell only picks what to show, for example
 * {@code run.chart("Throughput by mode")}, which a Java kernel displays as an image.
 */
public final class LabRun {
    /** Space between two charts of one section stacked into one image, in pixels. */
    private static final int GAP_PIXELS = 12;

    private final Path resultsFolder;
    private final RunResult result;
    private final Path report;
    private final String command;
    private final List<ReportChart> charts;
    private final List<String> findings;

    LabRun(Path resultsFolder, RunResult result, Path report, String command, List<ReportChart> charts,
           List<String> findings) {
        this.resultsFolder = resultsFolder;
        this.result = result;
        this.report = report;
        this.command = command;
        this.charts = List.copyOf(charts);
        this.findings = List.copyOf(findings);
    }

    /** The run's results folder: results.json, the CSV tables and report.html. */
    public Path resultsFolder() {
        return resultsFolder;
    }

    /** Everything measured, as saved in results.json. */
    public RunResult result() {
        return result;
    }

    /** The run's report.html, to open in a browser. */
    public Path report() {
        return report;
    }

    /** The command line that makes the same run from the repository root (the lab's options, not CI's cuts). */
    public String command() {
        return command;
    }

    /** Every chart of the report, in page order. */
    public List<ReportChart> charts() {
        return charts;
    }

    /** The headings of the report's sections that have charts for this run, in page order. */
    public List<String> sections() {
        return List.copyOf(charts.stream().map(ReportChart::section).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * The charts of one section of the report ("Throughput by mode", "Latency percentile spectrum", ...),
     * one below the other in one image, for a notebook to display.
     *
     * @throws IllegalArgumentException the report has no chart under that heading for this run; the message lists what it has
     */
    public BufferedImage chart(String section) {
        List<BufferedImage> images = new ArrayList<>();
        for (ReportChart chart : of(section)) {
            images.add(decode(chart));
        }
        return stack(images);
    }

    /** What the report says to look for in a section's charts, one paragraph per chart. */
    public String caption(String section) {
        return of(section).stream().map(c -> c.title() + ". " + c.caption()).collect(Collectors.joining("\n\n"));
    }

    /** The report's summary of findings, one line each, drawn only from the statistics. */
    public String findings() {
        return findings.stream().map(f -> "- " + f).collect(Collectors.joining("\n"));
    }

    /**
     * Where each profiled configuration's samples went ({@code -Dprofile=cpu}): by group (the
     * server's code, kernel socket calls, scheduling, JIT, GC, idle) and its top frames, as the
     * report's "Where the time goes" section has them; the interactive flame graphs are in the
     * results folder.
     */
    public String whereTheTimeGoes() {
        try {
            return ProfileTables.text(resultsFolder, 5);
        } catch (IOException | ResultsFormatException e) {
            throw new IllegalStateException("cannot read the profiles of " + resultsFolder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Open-load rates as fractions of what one configuration of this (closed-load) run served, as the
     * option a next run takes: {@code run.openRates("platform cpu", 0.5, 1.1)} gives
     * {@code "-Drate=935,2057"} when platform served 1,870 req/s. So a lab sweeps "half of capacity" on
     * every machine, not a rate written for one laptop.
     *
     * @throws IllegalArgumentException the words pick no single configuration, or a fraction is not positive
     */
    public String openRates(String words, double... fractions) {
        double served = ConfigurationWords.one(words, result.configurations()).summary().throughputPerSecond().mean();
        if (fractions.length == 0 || java.util.Arrays.stream(fractions).anyMatch(f -> !(f > 0))) {
            throw new IllegalArgumentException("openRates needs one or more positive fractions of what was served");
        }
        return "-Drate=" + java.util.Arrays.stream(fractions).mapToLong(f -> Math.max(1, Math.round(f * served)))
                .distinct().mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    /** The configurations marked invalid and why, or a line saying every one is valid. */
    public String invalid() {
        List<String> lines = result.configurations().stream().filter(c -> !c.verdict().valid())
                .map(c -> "- " + c.configuration().id() + " is INVALID: "
                        + String.join("; ", c.verdict().invalidReasons())).toList();
        int valid = (int) result.configurations().stream().filter(c -> c.verdict().valid()).count();
        return lines.isEmpty() ? "every configuration (" + valid + ") is valid" : String.join("\n", lines);
    }

    @Override
    public String toString() {
        return "corelab run " + result.runId() + " (" + result.status() + ", " + result.configurations().size()
                + " configurations): report " + report;
    }

    private List<ReportChart> of(String section) {
        List<ReportChart> found = charts.stream().filter(c -> c.section().equals(section)).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("this run's report has no chart under '" + section + "'; it has: "
                    + String.join(", ", sections()) + " (a section appears only when the run measured what it shows:"
                    + " a sweep needs a list of values, fairness a cluster; report.html says why a section is empty)");
        }
        return found;
    }

    private static BufferedImage decode(ReportChart chart) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
            if (image == null) {
                throw new IllegalStateException("the chart '" + chart.title() + "' is not a PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the chart '" + chart.title() + "'", e);
        }
    }

    private static BufferedImage stack(List<BufferedImage> images) {
        if (images.size() == 1) {
            return images.get(0);
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum() + GAP_PIXELS * (images.size() - 1);
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, 0, y, null);
                y += image.getHeight() + GAP_PIXELS;
            }
        } finally {
            g.dispose();
        }
        return stacked;
    }
}
