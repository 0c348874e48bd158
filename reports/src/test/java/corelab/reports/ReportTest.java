package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Mode;
import corelab.modes.options.Vocabulary;
import corelab.results.Calibration;
import corelab.results.ResultsFolder;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class ReportTest {
    private static final Pattern IMAGE = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

    @TempDir
    static Path results;
    static Path closed;
    static Path open;
    static Path damaged;
    static String closedHtml;
    static String openHtml;

    @BeforeAll
    static void renderBoth() throws Exception {
        closed = save(Fixtures.closedRun());
        open = save(Fixtures.openRun());
        damaged = Files.createDirectories(results.resolve("20261120-080000"));
        Files.writeString(damaged.resolve(ResultsJson.FILE_NAME), "{ \"schemaVersion\": 1, \"runId\": ");
        Locale before = Locale.getDefault();
        // A German default locale writes 12,5 for 12.5: the report must not.
        Locale.setDefault(Locale.GERMANY);
        try {
            closedHtml = Files.readString(Report.render(closed));
            openHtml = Files.readString(Report.render(open));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Path save(RunResult run) throws IOException {
        Path folder = results.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        return folder;
    }

    @Test
    void chartsAreDrawnWithoutADisplay() {
        assertTrue(GraphicsEnvironment.isHeadless());
        assertTrue(Files.isRegularFile(closed.resolve(Report.FILE_NAME)));
    }

    @Test
    void everyChartIsThereWithItsCaption() {
        for (String title : List.of(ThroughputChart.TITLE, "Throughput against concurrency: io (2 cores)",
                "Throughput against concurrency: cpu (2 cores)",
                "Latency percentile spectrum: hello (closed c64, 2 cores)", PerCoreChart.TITLE, MemoryChart.TITLE,
                "Scaling with cores allowed: cpu (closed c64)", FairnessChart.TITLE, ClusterCpuChart.TITLE,
                "Second by second: io (closed c64, 2 cores)", "CPU over time: hello (closed c64, 2 cores)")) {
            assertTrue(closedHtml.contains("<figcaption><strong>" + Html.text(title) + ".</strong>"), title);
        }
        assertTrue(closedHtml.contains("Little&#39;s law"), "io limit");
        assertTrue(closedHtml.contains("estimated single-core rate 1 / (250000 iterations x 4.2 ns), not measured"),
                "where the cpu limit comes from");
        assertTrue(closedHtml.contains("2 workers served between"), "fairness figures");
        assertTrue(closedHtml.contains(": primary ") && closedHtml.contains(" us per request"), "cluster CPU figures");
        assertFalse(closedHtml.contains("could not be drawn"));
        assertTrue(openHtml.contains("<strong>Throughput against offered rate: io (2 cores).</strong>"));
        assertTrue(openHtml.contains("Right: uncorrected"), "corrected and uncorrected side by side");
    }

    /** The legend says platform or poller; the note says what each is, in the README's words. */
    @Test
    void theModesAreDescribedInTheVocabularysWords() {
        for (Mode mode : List.of(Mode.SINGLE, Mode.PLATFORM, Mode.VIRTUAL, Mode.OFFLOAD, Mode.CLUSTER)) {
            assertTrue(closedHtml.contains(Html.text(Vocabulary.describe(mode))), mode.word());
        }
        assertFalse(closedHtml.contains(Html.text(Vocabulary.describe(Mode.POLLER))), "only the run's modes");
    }

    @Test
    void everyFigureIsAnEmbeddedPngThatIsNotBlank() throws IOException {
        // closed: throughput, 2 sweeps, 3 spectra, per core, memory, scaling, fairness, cluster CPU, 3 time
        // series, 3 CPU
        assertEquals(17, checkedImages(closedHtml));
        // open: throughput, 2 sweeps, 2 spectra, per core, memory, 2 time series, 2 CPU (no scaling, no cluster)
        assertEquals(11, checkedImages(openHtml));
    }

    /** A notebook shows the report's charts one by one: the same images, in page order, with their sections. */
    @Test
    void theChartsOneByOneAreThePagesImagesInOrder() throws Exception {
        List<ReportChart> charts = Report.charts(closed, Optional.empty());
        Matcher images = IMAGE.matcher(closedHtml);
        for (ReportChart chart : charts) {
            assertTrue(images.find(), "the page has an image for " + chart.title());
            assertEquals(images.group(1), Base64.getEncoder().encodeToString(chart.png()), chart.title());
            assertTrue(closedHtml.contains("<h2 id=\"" + Html.anchor(chart.section()) + "\">"), chart.section());
        }
        assertFalse(images.find(), "every image of the page is among the charts");
        assertEquals(ThroughputChart.TITLE, charts.get(0).section());
        assertEquals(List.of(PerCoreChart.TITLE), charts.stream().map(ReportChart::section)
                .filter(PerCoreChart.TITLE::equals).toList(), "one chart per figure");
        // The findings are the page's summary, sentence by sentence.
        for (String finding : Report.findings(closed)) {
            assertTrue(closedHtml.contains("<li>" + Html.text(finding) + "</li>"), finding);
        }
        assertFalse(Report.findings(closed).isEmpty());
        assertThrows(ResultsFormatException.class, () -> Report.charts(damaged, Optional.empty()));
    }

    /** How many embedded PNGs the page has, after checking each decodes to a chart and each figure has one. */
    private static int checkedImages(String html) throws IOException {
        Matcher images = IMAGE.matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertNotNull(image, "a PNG that decodes");
            assertTrue(colours(image) > 5, "a chart, not a blank image");
        }
        assertEquals(html.split("<figure>", -1).length - 1, count, "one embedded image per figure");
        return count;
    }

    @Test
    void thePageFetchesNothing() {
        for (String html : List.of(closedHtml, openHtml)) {
            assertFalse(html.contains("http://"));
            assertFalse(html.contains("https://"));
            assertFalse(html.contains("<script"));
            assertFalse(html.contains("<link"));
            assertFalse(html.contains("url("));
        }
    }

    @Test
    void theSummaryRanksOnlyByDifferencesLargerThanTheMargin() {
        String summary = closedHtml.substring(closedHtml.indexOf("id=\"summary\""), closedHtml.indexOf("</ul>",
                closedHtml.indexOf("id=\"summary\"")));
        assertTrue(summary.contains("On cpu (closed c64, 2 cores, 250000 iterations), throughput: cluster 1950"), summary);
        // offload's 12.8% deficit is significant alone (Welch p = 0.0064, scipy) but not after Holm's correction (0.064)
        assertTrue(summary.contains("Cluster, platform, virtual and offload are not ranked apart: no significant"
                + " difference detected between platform and cluster (Holm p = 1.00 over 16 comparisons; the run could"
                + " detect 17.3% with 80% power): not evidence that they are the same"), summary);
        assertTrue(summary.contains("single reaches only 48.2% of cluster&#39;s throughput: single is 51.8% slower"
                + " than cluster (95% CI 45.7% to 57.9%, Holm p = 0.0081 over 16 comparisons)"), summary);
        // on io every mode sits at Little's law's limit: equal within the margin, not ranked
        assertTrue(summary.contains("platform and offload are practically the same: the difference, +1.3% (90% CI"
                + " -0.40% to +3.0%), lies inside the \u00b15.0% equivalence margin"), summary);
        // a significant difference below the margin is said, and not ranked
        assertTrue(summary.contains("virtual and platform are not ranked apart: platform is 4.2% costlier than virtual"
                + " (95% CI 0.37% to 8.0%, Holm p = 0.038 over 10 comparisons), a real difference that may be smaller"
                + " than the \u00b15.0% margin: not ranked"), summary);
        // on 2 cores shared with the generator, hello leads with the server's CPU per request, says why, and ranks on
        // it with the same statistics, offload included: INVALID only because its generator saturated
        assertTrue(summary.contains("On hello (closed c64, 2 cores), by server CPU per request, not throughput, because"
                + " the load generator and the server shared this machine&#39;s CPUs, so hello&#39;s throughput measures"
                + " how the machine was shared, while the server&#39;s CPU per answered request is its own figure, even"
                + " where the generator was saturated: single 70 \u00b5s, cluster 95.2 \u00b5s, offload 133 \u00b5s"
                + " (its generator saturated), virtual 160 \u00b5s, platform 167 \u00b5s. Single is cheapest;"), summary);
        assertTrue(summary.contains("offload costs 190% of single&#39;s server CPU per request: single is 47.5% cheaper"
                + " than offload (95% CI 44.8% to 50.2%, Holm p &lt; 0.001 over 10 comparisons)"), summary);
        assertTrue(summary.contains(". Throughput, which measures the shared machine and ranks nothing: single 14000"),
                summary);
        assertTrue(summary.contains(". But each mode&#39;s cost is at the rate it reached"), "and what it cannot say");
        assertTrue(summary.contains("1 of 29 configurations are INVALID and are left out of the rankings above (1 of"
                + " them, whose only fault is a saturated load generator, are ranked on hello by server CPU per request"
                + " only)"), summary);
    }

    @Test
    void theHeaderSaysHowTheTrialsWereOrdered() {
        assertTrue(closedHtml.contains("<tr><th>order of trials</th><td>1 rounds, one trial of every configuration"
                + " each, shuffled per round (seed 1234); 1 server start(s), each with a full warmup; 1 s of unrecorded"
                + " load before each trial; the idle servers used 0.0100 cores on average during another&#39;s trial"
                + " (at most 0.0100)</td></tr>"), closedHtml.substring(closedHtml.indexOf("What was run")));
    }

    @Test
    void invalidConfigurationsAreMarked() {
        assertTrue(closedHtml.contains("Invalid configurations: do not trust these figures"));
        assertTrue(closedHtml.contains("<li><strong>offload/cores2/hello/closed/c64</strong>: the load generator was"
                + " saturated in trial 1"));
        assertTrue(closedHtml.contains("<tr class=\"invalid\"><td class=\"what\">offload/cores2/hello/closed/c64<br>"
                + "<strong>INVALID</strong>: the load generator was saturated in trial 1"));
    }

    @Test
    void aConfigurationWhoseServerRefusedConnectionsSaysSoInTheTable() {
        assertTrue(closedHtml.contains("<td class=\"what\">" + Fixtures.REFUSING
                + "<br>the server refused 21 connections (maxConnections were open)</td>"), "7 in each of 3 trials");
        assertEquals(1, closedHtml.split("the server refused", -1).length - 1, "only where a server refused any");
    }

    @Test
    void anIncompleteRunSaysSoAtTheTop() {
        int banner = openHtml.indexOf("<div class=\"banner\"><strong>This run is INTERRUPTED:</strong>");
        assertTrue(banner > 0 && banner < openHtml.indexOf("What was run"));
        assertFalse(closedHtml.contains("class=\"banner\""));
    }

    @Test
    void textFromTheResultsIsEscaped() {
        assertTrue(closedHtml.contains("Example CPU @ 2.00GHz &lt;fast&gt;"));
        assertFalse(closedHtml.contains("<fast>"));
    }

    @Test
    void theTableLinksTheRawFiles() {
        for (String file : List.of("results.json", "configurations.csv", "trials.csv", "intervals.csv")) {
            assertTrue(closedHtml.contains("<a href=\"" + file + "\">"), file);
        }
        assertTrue(closedHtml.contains("<td class=\"what\">single/cores2/cpu/iterations250000/closed/c64</td>"));
    }

    @Test
    void theIndexListsEveryFolderAndTheDamagedOneWithItsError() throws IOException {
        String index = Files.readString(results.resolve(IndexWriter.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(index.contains("<a href=\"20261121-120000/report.html\">20261121-120000</a>"));
        assertTrue(index.contains("<a href=\"20261122-090000/report.html\">20261122-090000</a>"));
        assertTrue(index.contains("INTERRUPTED"));
        assertTrue(index.contains("20261120-080000"));
        assertTrue(index.contains("cannot read these results: "), index);
        assertTrue(index.indexOf("is damaged", index.indexOf("20261120-080000")) > 0, index);
        assertTrue(index.indexOf("20261122-090000") < index.indexOf("20261121-120000"), "newest first");
    }

    @Test
    void damagedResultsGiveAClearError() {
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> Report.render(damaged));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertFalse(Files.exists(damaged.resolve(Report.FILE_NAME)));
    }

    @Test
    void missingResultsGiveAClearError() {
        ResultsFormatException e = assertThrows(ResultsFormatException.class,
                () -> Report.render(results.resolve("no-such-run")));
        assertTrue(e.getMessage().contains("no results at"), e.getMessage());
    }

    @Test
    void aDamagedHistogramGivesAClearError() throws IOException {
        Path folder = Files.createDirectories(results.resolve("20261119-070000"));
        String json = ResultsJson.toJson(Fixtures.openRun())
                .replaceAll("\"histogram\" : \"[^\"]+\"", "\"histogram\" : \"bm90IGEgaGlzdG9ncmFt\"");
        Files.writeString(folder.resolve(ResultsJson.FILE_NAME), json);
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> Report.render(folder));
        assertTrue(e.getMessage().contains("is damaged: the histogram of "), e.getMessage());
    }

    @Test
    void jmhsSingleCoreRateIsALabelledFallbackForARunThatMeasuredNone(@TempDir Path elsewhere) throws Exception {
        RunResult run = Fixtures.closedRun();
        Path folder = elsewhere.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        String html = Files.readString(Report.render(folder,
                Optional.of(new SingleCoreRate(250_000, 1000, "JMH, corelab benchmarks"))));
        assertTrue(html.contains("the cpu limit, 2000 req/s = 2 x 1000 req/s: measured single-core rate (JMH, corelab"
                + " benchmarks; a fallback: JMH&#39;s figure from another time, as this run measured none)"),
                "the measured rate and where it came from");
        assertTrue(Files.isRegularFile(elsewhere.resolve(IndexWriter.FILE_NAME)));
    }

    /** The run's own calibration beats JMH's figure; one below what was measured is a broken limit, said first. */
    @Test
    void theRunsCalibrationDrawsTheLimitAndABrokenOneIsSaid(@TempDir Path elsewhere) throws Exception {
        RunResult base = Fixtures.closedRun();
        RunResult run = new RunResult(base.schemaVersion(), base.runId(), base.status(), base.failure(),
                base.startedAt(), base.endedAt(), base.provenance(), base.options(), base.schedule(),
                new Calibration(250_000, List.of(500.0, 505.0, 495.0), List.of(500.0, 500.0), null, List.of(),
                        List.of()), base.configurations(), base.comparisons());
        Path folder = elsewhere.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        String html = Files.readString(Report.render(folder,
                Optional.of(new SingleCoreRate(250_000, 1000, "JMH, corelab benchmarks"))));
        assertTrue(html.contains("the cpu limit, 1000 req/s = 2 x 500 req/s: measured single-core rate (measured in"
                + " this run by a fresh JVM before and after the rounds: 500.0 \u00b1 4.4 req per CPU-second)"), html);
        String summary = html.substring(html.indexOf("id=\"summary\""));
        assertTrue(summary.indexOf("<li>BROKEN LIMIT: cluster/workers2/cpu/iterations250000/closed/c64 measured 1950")
                < summary.indexOf("<li>On "), "broken limits come before the rankings");
    }

    @Test
    void aRunSavedBeforeAnythingFinishedStillRenders(@TempDir Path elsewhere) throws Exception {
        RunResult full = Fixtures.openRun();
        RunResult empty = new RunResult(full.schemaVersion(), "20261123-100000", RunResult.Status.RUNNING, null,
                full.startedAt(), full.endedAt(), full.provenance(), full.options(), null, null, List.of(),
                List.of());
        Path folder = elsewhere.resolve(empty.runId());
        new ResultsFolder(folder).save(empty);
        String html = Files.readString(Report.render(folder));
        assertTrue(html.contains("This run is RUNNING:"));
        assertTrue(html.contains("there is nothing to chart yet"));
        assertTrue(html.contains("Nothing was measured yet"));
        assertFalse(html.contains("could not be drawn"));
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
                if (seen.size() > 5) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }

    /** PSS beside RSS in the figures, what PSS is in one sentence, and each request's CPU and memory by bucket. */
    @Test
    void theReportShowsPssAndEachRequestsCostInThreeBuckets() {
        assertTrue(closedHtml.contains("<th>PSS (MB)</th><th>RSS (MB)</th>"), "PSS beside RSS");
        assertTrue(closedHtml.contains("divided by the number of processes that share it"), "what PSS is");
        assertTrue(closedHtml.contains("<h2 id=\"resources\">CPU and memory per request, in three buckets</h2>"));
        String row = closedHtml.substring(closedHtml.indexOf("<td class=\"what\">single/cores2/io/closed/c64</td>",
                closedHtml.indexOf("id=\"resources\"")));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("20.0"), "io's downstream CPU, 20 µs a request: " + row);
        String hello = closedHtml.substring(closedHtml.indexOf("<td class=\"what\">single/cores2/hello/closed/c64</td>",
                closedHtml.indexOf("id=\"resources\"")));
        hello = hello.substring(0, hello.indexOf("</tr>"));
        assertTrue(hello.contains("title=\"" + Fixtures.NO_DOWNSTREAM + "\">none</td>"), "hello has none, and why: " + hello);
    }
}
