package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ComparisonResult;
import corelab.results.Comparisons;
import corelab.results.ConfigurationResult;
import corelab.results.ResultsFolder;
import corelab.results.ResultsFormatException;
import corelab.results.ResultsJson;
import corelab.results.RunResult;
import corelab.results.TrialResult;
import corelab.results.Histograms;
import corelab.results.stats.Comparison;
import corelab.results.stats.Estimate;
import corelab.results.stats.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
    @TempDir
    Path results;

    /**
     * Identical trials differ by exactly 0: practically the same wherever the trials are enough to show it (the 90%
     * interval of the difference inside the margin), never a difference; with a generous margin, everywhere.
     */
    @Test
    void aRunComparedWithItselfIsPracticallyTheSameWhereItHasEnoughTrials() throws Exception {
        Path run = save(Fixtures.closedRun());
        CompareReport.Rendered rendered = CompareReport.render(run, run, 5.0, results);
        assertFalse(rendered.comparison().comparisons().isEmpty());
        for (ComparisonResult c : rendered.comparison().comparisons()) {
            Comparison comparison = c.comparison();
            boolean enough = comparison.a().n() >= Estimate.MIN_TRIALS_FOR_ERROR
                    && comparison.equivalenceUpperPercent() < comparison.marginPercent();
            assertEquals(enough ? Outcome.PRACTICALLY_SAME : comparison.a().n() < Estimate.MIN_TRIALS_FOR_ERROR
                    ? Outcome.TOO_FEW_TRIALS : Outcome.NO_DIFFERENCE_DETECTED, comparison.outcome(), c.sentence());
            assertEquals(0.0, comparison.differencePercent(), 1e-12);
        }
        assertTrue(rendered.comparison().comparisons().stream()
                .anyMatch(c -> c.comparison().outcome() == Outcome.PRACTICALLY_SAME), "the fixture has narrow ones");
        CompareReport.Rendered generous = CompareReport.render(run, run, 50.0, results);
        generous.comparison().comparisons().stream().filter(c -> c.comparison().a().n() >= Estimate.MIN_TRIALS_FOR_ERROR)
                .forEach(c -> assertEquals(Outcome.PRACTICALLY_SAME, c.comparison().outcome(), c.sentence()));
        String html = Files.readString(rendered.page());
        assertTrue(html.contains("practically the same"), html);
        assertTrue(rendered.summary().get(0).contains(rendered.comparison().comparisons().size()
                + " configuration(s) compared"), rendered.summary().toString());
    }

    @Test
    void thePageGoesToANewFolderUnderTheResultsNeverBesideTheRuns() throws Exception {
        Path a = save(Fixtures.closedRun());
        Path b = save(renamed(Fixtures.closedRun(), "20261122-090000"));
        Path page = CompareReport.render(a, b, 5.0, results).page();
        assertEquals(results.resolve("compare-" + a.getFileName() + "-vs-20261122-090000"), page.getParent());
        try (Stream<Path> files = Stream.concat(Files.list(a), Files.list(b))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals(CompareReport.FILE_NAME)));
        }
        Path again = CompareReport.render(a, b, 5.0, results).page();
        assertTrue(again.getParent().getFileName().toString().endsWith("-2"), "a second comparison gets its own folder");
    }

    @Test
    void aKnownDifferenceIsRankedWithItsSize() throws Exception {
        RunResult base = Fixtures.closedRun();
        RunResult faster = renamed(scaled(base, 1.5), "20261122-090000");
        CompareReport.Rendered rendered = CompareReport.render(save(base), save(faster), 5.0, results);
        ComparisonResult valid = rendered.comparison().comparisons().stream()
                .filter(c -> c.comparison().a().n() >= Estimate.MIN_TRIALS_FOR_ERROR)
                .filter(c -> c.metric().equals(Comparisons.THROUGHPUT)).findFirst().orElseThrow();
        assertEquals(Outcome.DIFFERENT, valid.comparison().outcome(), valid.sentence());
        assertEquals(50.0, valid.comparison().differencePercent(), 1e-6);
        assertTrue(valid.sentence().contains("50.0% faster than"), valid.sentence());
    }

    @Test
    void aDamagedFileOrAMissingRunIsOneClearMessage() throws Exception {
        Path good = save(Fixtures.closedRun());
        Path damaged = Files.createDirectories(results.resolve("20261120-080000"));
        Files.writeString(damaged.resolve(ResultsJson.FILE_NAME), "{ \"schemaVersion\": 3, \"runId\": ");
        ResultsFormatException e = assertThrows(ResultsFormatException.class,
                () -> CompareReport.render(good, damaged, 5.0, results));
        assertTrue(e.getMessage().contains("20261120-080000") && e.getMessage().contains("is damaged"), e.getMessage());

        ResultsFormatException missing = assertThrows(ResultsFormatException.class,
                () -> CompareReport.locate("20991231-000000", results));
        assertTrue(missing.getMessage().startsWith("no run '20991231-000000': neither a folder nor a run id under "),
                missing.getMessage());
        assertEquals(good, CompareReport.locate(good.getFileName().toString(), results), "a run id under results/");
        assertEquals(good, CompareReport.locate(good.toString(), results), "a folder");
    }

    @Test
    void runsWithNoCommonConfigurationAreRefused() throws Exception {
        RunResult run = Fixtures.closedRun();
        RunResult other = renamed(Fixtures.openRun(), "20261122-090000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompareReport.render(save(run), save(other), 5.0, results));
        assertTrue(e.getMessage().contains("no configuration in common"), e.getMessage());
    }

    /**
     * The older schemas' golden files, as results-model's tests keep them, still render a report and a comparison
     * (today's schema renders in every other test here and in ReportTest).
     */
    @Test
    void filesOfOlderSchemasStillRender() throws Exception {
        for (String golden : List.of("golden-results-schema1.json", "golden-results-schema2.json")) {
            Path folder = Files.createDirectories(results.resolve(golden.replace(".json", "")));
            // The golden files hold a fixed stand-in for histograms (no zlib in them); the charts need real ones.
            String json = Files.readString(Path.of("../results-model/src/test/resources/corelab/results", golden));
            Files.writeString(folder.resolve(ResultsJson.FILE_NAME), json.replace(GOLDEN_HISTOGRAM, histogram()));
            String html = Files.readString(Report.render(folder));
            assertTrue(html.contains("47.4% slower than cluster"), golden);
            CompareReport.Rendered self = CompareReport.render(folder, folder, 5.0, results);
            assertTrue(self.comparison().comparisons().stream()
                    .allMatch(c -> c.comparison().outcome() == Outcome.PRACTICALLY_SAME), golden);
        }
    }

    private static final String GOLDEN_HISTOGRAM = "HISTFAAAABx4nJNpmSzMwMDAxAABzFCaEUzOmTJrFwAdrQKK";

    private static String histogram() {
        org.HdrHistogram.Histogram histogram = Histograms.empty();
        for (int micros = 200; micros <= 1200; micros += 10) {
            histogram.recordValue(micros);
        }
        return Histograms.encode(histogram);
    }

    private Path save(RunResult run) throws IOException {
        Path folder = results.resolve(run.runId());
        new ResultsFolder(folder).save(run);
        return folder;
    }

    private static RunResult renamed(RunResult run, String runId) {
        return new RunResult(run.schemaVersion(), runId, run.status(), run.failure(), run.startedAt(), run.endedAt(),
                run.provenance(), run.options(), run.schedule(), run.calibration(), run.configurations(),
                run.comparisons());
    }

    /** Every trial's throughput times {@code factor}: a known difference of (factor - 1) x 100%. */
    private static RunResult scaled(RunResult run, double factor) {
        List<ConfigurationResult> configurations = run.configurations().stream().map(c -> new ConfigurationResult(
                c.configuration(), c.verdict(), c.warmupSeconds(), c.counterCheck(), c.summary(),
                c.trials().stream().map(t -> new TrialResult(t.index(), t.seconds(), t.completed(), t.sent(),
                        t.intendedRequests(), t.errors(), t.throughputPerSecond() * factor, t.latency(),
                        t.uncorrectedLatency(), t.server(), t.generator(), t.intervals(), t.histogram(),
                        t.uncorrectedHistogram(), t.otherServersCpuCores(), t.otherServersCpuCoresReason(), t.tool()))
                        .toList(), c.fault(), c.profile())).toList();
        return new RunResult(run.schemaVersion(), run.runId(), run.status(), run.failure(), run.startedAt(),
                run.endedAt(), run.provenance(), run.options(), run.schedule(), run.calibration(), configurations,
                run.comparisons());
    }
}
