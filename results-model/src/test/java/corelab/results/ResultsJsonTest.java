package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import corelab.results.stats.Outcome;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    private static final String GOLDEN = "golden-results.json";

    @Test
    void resultsRoundTripThroughJson() throws Exception {
        RunResult run = SampleRuns.run();
        assertEquals(run, ResultsJson.fromJson(ResultsJson.toJson(run), "test"));
    }

    /**
     * The JSON is a contract with reports and notebooks: any change to it must be deliberate.
     * To accept a deliberate change, bump the schema version if it is incompatible, then
     * regenerate the golden file from the new output.
     */
    @Test
    void theJsonMatchesTheGoldenFileUnderEveryLocale() throws Exception {
        String golden = resource(GOLDEN);
        Locale saved = Locale.getDefault();
        try {
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMANY, Locale.FRANCE}) {
                Locale.setDefault(locale);
                assertEquals(golden, ResultsJson.toJson(SampleRuns.run()), "under " + locale);
                assertEquals(SampleRuns.run(), ResultsJson.fromJson(golden, GOLDEN), "under " + locale);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    /**
     * A file of schema 1 (the golden file as it was) still reads: its uncorrected verdicts are dropped and the
     * pairs compared again from its trials, with Holm's correction and the default margin.
     */
    @Test
    void aSchemaOneFileIsReadWithItsComparisonsMadeAgain() throws Exception {
        RunResult old = ResultsJson.fromJson(resource("golden-results-schema1.json"), "golden-results-schema1.json");
        assertEquals(1, old.schemaVersion());
        assertEquals(SampleRuns.run().configurations().stream().map(c -> c.configuration().id()).toList(),
                old.configurations().stream().map(c -> c.configuration().id()).toList());
        assertNull(old.schedule(), "schema 1 ran each configuration's trials back to back");
        assertTrue(Double.isNaN(old.configurations().get(0).trials().get(0).otherServersCpuCores()), "not measured");
        assertEquals(Comparisons.of(old.configurations(), 5.0), old.comparisons());
        assertEquals(1, old.comparisons().size());
        assertEquals(Outcome.DIFFERENT, old.comparisons().get(0).comparison().outcome());
        assertTrue(old.comparisons().get(0).sentence().startsWith("on hello, single is 47.4% slower than cluster"
                + " (2 workers) (95% CI "), old.comparisons().get(0).sentence());
    }

    /**
     * A file of schema 2 (the golden file as it was) still reads: its "NaN" strings become NaN, the reasons it did
     * not record read as not-recorded, and its intervals have no wall-clock start.
     */
    @Test
    void aSchemaTwoFileIsReadWithItsNaNStrings() throws Exception {
        String text = resource("golden-results-schema2.json");
        assertTrue(text.contains("\"NaN\""), "the old form is what this test is about");
        RunResult old = ResultsJson.fromJson(text, "golden-results-schema2.json");
        assertEquals(2, old.schemaVersion());
        Summary summary = old.configurations().get(0).summary();
        assertTrue(Double.isNaN(summary.uncorrectedP99Micros().mean()), "closed load: no uncorrected latency");
        TrialResult window = old.configurations().get(2).trials().get(0);
        assertTrue(Double.isNaN(window.otherServersCpuCores()));
        assertEquals(TrialResult.NOT_RECORDED, window.otherServersCpuCoresReason());
        assertEquals(TrialResult.NOT_RECORDED, window.generator().runQueueWaitShareReason());
        assertNull(window.intervals().get(0).startEpochMillis(), "schema 2 kept times relative to the trial only");
        assertEquals(SampleRuns.run().comparisons(), old.comparisons(), "its comparisons are read as written");
    }

    /** pandas and JSON parsers read a missing figure as missing only when it is null, not the string "NaN". */
    @Test
    void aMissingFigureIsNullWithItsReasonBeside() throws Exception {
        String json = ResultsJson.toJson(SampleRuns.run());
        assertTrue(!json.contains("NaN"), "no NaN, in any form");
        assertTrue(json.contains("\"otherServersCpuCores\" : null,\n      \"otherServersCpuCoresReason\" : \""
                + TrialResult.RUNS_ALONE + "\""), json);
        assertTrue(json.contains("\"runQueueWaitShare\" : null,\n        \"runQueueWaitShareReason\" : \""
                + GeneratorUsage.NO_SCHEDSTAT + "\""), json);
        TrialResult window = ResultsJson.fromJson(json, "test").configurations().get(2).trials().get(0);
        assertTrue(Double.isNaN(window.otherServersCpuCores()), "null reads back as NaN, not 0");
        assertEquals(1_795_262_460_100L, window.intervals().get(1).startEpochMillis());
    }

    @Test
    void aProfiledConfigurationRoundTripsWithItsFiles() throws Exception {
        ProfileResult profile = new ProfileResult("cpu", "perf_events", 300, "profiles/cluster-merged.html",
                "profiles/cluster-merged.collapsed", List.of(
                new ProfileResult.ProcessProfile("primary", 0, 41, 100, "profiles/c-primary.html",
                        "profiles/c-primary.collapsed"),
                new ProfileResult.ProcessProfile("worker", 1, 42, 200, "profiles/c-worker1.html",
                        "profiles/c-worker1.collapsed")));
        RunResult run = firstProfiled(profile);
        String json = ResultsJson.toJson(run);
        RunResult read = ResultsJson.fromJson(json, "test");
        assertEquals(run, read);
        assertTrue(read.configurations().get(0).profiled());
        assertTrue(json.matches("(?s).*\"flightRecording\"\\s*:\\s*null.*"), "no jfr: null, " + json);
    }

    /** The sample run with its first configuration profiled so. */
    private static RunResult firstProfiled(ProfileResult profile) {
        RunResult sample = SampleRuns.run();
        List<ConfigurationResult> configurations = new ArrayList<>(sample.configurations());
        configurations.set(0, configurations.get(0).withProfile(profile));
        return new RunResult(sample.schemaVersion(), sample.runId(), sample.status(), sample.failure(),
                sample.startedAt(), sample.endedAt(), sample.provenance(), sample.options(), sample.schedule(),
                sample.calibration(), configurations, sample.comparisons());
    }

    @Test
    void aFlightRecordingAloneRoundTrips() throws Exception {
        FlightRecordingResult.Durations none = new FlightRecordingResult.Durations(0, 0, null, null, null,
                List.of(0L, 0L));
        FlightRecordingResult.Durations parks = new FlightRecordingResult.Durations(3, 7.5, 2.0, 4.0, 4.0,
                List.of(2L, 1L));
        ProfileResult profile = new ProfileResult("jfr", null, 0, null, null, List.of(), new FlightRecordingResult(
                List.of(new FlightRecordingResult.ProcessRecording("server", 0, 41, 120, "profiles/v-io.jfr")),
                none, 0, parks, parks, none, none, 2, List.of(0.25, 0.5)));
        RunResult run = firstProfiled(profile);
        String json = ResultsJson.toJson(run);
        RunResult read = ResultsJson.fromJson(json, "test");
        assertEquals(run, read);
        assertThrows(IllegalArgumentException.class, () -> new ProfileResult("cpu", null, 0, null, null, List.of(), null),
                "a profile with neither samples nor a recording");
    }

    @Test
    void theCsvTablesUseADecimalPointUnderACommaLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String csv = ResultsCsv.trials(SampleRuns.run());
            assertTrue(csv.contains(",260.5") || csv.contains(",250,"), csv);
            assertTrue(csv.lines().skip(1).noneMatch(line -> line.matches(".*\\d,\\d{4}(,|$).*") && line.contains(";")),
                    csv);
            assertEquals(1 + 9 + 1, csv.lines().count(), "a header and one row per trial (the fault run has one)");
            assertEquals(1 + 4, ResultsCsv.configurations(SampleRuns.run()).lines().count());
            assertEquals(1 + 18 + 2, ResultsCsv.intervals(SampleRuns.run()).lines().count());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aDamagedFileIsOneClearError(@TempDir Path folder) throws Exception {
        String json = ResultsJson.toJson(SampleRuns.run());
        Files.writeString(folder.resolve(ResultsJson.FILE_NAME), json.substring(0, json.length() / 2));
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsJson.read(folder));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
    }

    @Test
    void aMissingFileSaysWhereItLooked(@TempDir Path folder) {
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsJson.read(folder));
        assertTrue(e.getMessage().startsWith("no results at " + folder.resolve(ResultsJson.FILE_NAME)), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefusedWithAnExplanation() {
        String newer = ResultsJson.toJson(SampleRuns.run())
                .replace("\"schemaVersion\" : " + RunResult.SCHEMA_VERSION, "\"schemaVersion\" : 99");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsJson.fromJson(newer, "x"));
        assertTrue(e.getMessage().contains("schema 99"), e.getMessage());
    }

    @Test
    void aFileThatBreaksTheRulesIsRefused() {
        String broken = ResultsJson.toJson(SampleRuns.run()).replace("\"concurrency\" : 64", "\"concurrency\" : 0");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsJson.fromJson(broken, "x"));
        assertTrue(e.getMessage().contains("concurrency must be >= 1"), e.getMessage());
    }

    @Test
    void histogramsSurviveEncoding() {
        Histogram histogram = Histograms.empty();
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i * 10L);
        }
        Histogram decoded = Histograms.decode(Histograms.encode(histogram));
        assertEquals(histogram.getTotalCount(), decoded.getTotalCount());
        assertEquals(histogram.getValueAtPercentile(99), decoded.getValueAtPercentile(99));
        assertThrows(IllegalArgumentException.class, () -> Histograms.decode("not base64 at all!"));
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaryFiles(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("x.json");
        AtomicFiles.write(file, "first");
        AtomicFiles.write(file, "second");
        assertEquals("second", Files.readString(file));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ResultsJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFaultRunsFiguresAreColumnsOfTheConfigurationsTable() {
        String[] lines = ResultsCsv.configurations(SampleRuns.run()).split("\n");
        assertTrue(lines[0].contains(",fault,fault_at_s,fault_requests_failed,fault_throughput_before_per_s,"
                + "fault_throughput_lowest_per_s,fault_outage_ms,fault_recovery_ms,fault_restarts,fault_restart_ms,"), lines[0]);
        assertTrue(lines[1].endsWith(",,,,,,,,,"), "an ordinary run leaves them empty: " + lines[1]);
        assertTrue(lines[3].contains(",kill-worker,0.1000,37,1900,400,0,820,1,640,"), lines[3]);
    }

    @Test
    void theCounterCheckIsColumnsOfTheConfigurationsTable() {
        String[] lines = ResultsCsv.configurations(SampleRuns.run()).split("\n");
        assertTrue(lines[0].endsWith(",counter,counter_requests,counter_highest_count,counter_repeated_counts"), lines[0]);
        assertTrue(lines[1].endsWith(",,,,"), "not a counter run: empty: " + lines[1]);
        assertTrue(lines[4].endsWith(",local,20001,10012,9989"), lines[4]);
    }
}
