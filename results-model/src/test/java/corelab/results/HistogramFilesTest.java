package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramFilesTest {
    /** Three trials of one interval each, 1000 values of 100..100000 µs: what HdrHistogram's reader gets back. */
    @Test
    void theIntervalLogRoundTripsThroughHistogramLogReader(@TempDir Path folder) throws Exception {
        Histogram recorded = Histograms.empty();
        for (int i = 1; i <= 1000; i++) {
            recorded.recordValue(i * 100L);
        }
        ConfigurationResult configuration = configuration(recorded);
        Path log = folder.resolve(HistogramFiles.baseName(configuration.configuration()) + ".hlog");
        Files.writeString(log, HistogramFiles.intervalLog(configuration));
        assertEquals("single_hello_closed_c64.hlog", log.getFileName().toString());

        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (int trial = 0; trial < 3; trial++) {
            EncodableHistogram read = reader.nextIntervalHistogram();
            assertTrue(read instanceof Histogram, String.valueOf(read));
            Histogram histogram = (Histogram) read;
            assertEquals(recorded, histogram);
            assertEquals(trial * 1000L, histogram.getStartTimeStamp(), "trials end to end, 1 s each");
            assertEquals(trial * 1000L + 1000, histogram.getEndTimeStamp());
        }
        assertEquals(null, reader.nextIntervalHistogram());
    }

    @Test
    void thePercentileFileIsWrk2sFormatInMillisecondsUnderAnyLocale() {
        Histogram recorded = Histograms.empty();
        for (int i = 1; i <= 1000; i++) {
            recorded.recordValue(i * 1000L);
        }
        ConfigurationResult c = configuration(recorded);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String hgrm = HistogramFiles.percentiles(c);
            assertTrue(hgrm.contains("Value     Percentile TotalCount 1/(1-Percentile)"), hgrm);
            assertTrue(hgrm.contains("#[Mean    ="), hgrm);
            assertFalse(hgrm.lines().filter(l -> !l.startsWith("#")).anyMatch(l -> l.matches(".*\\d,\\d.*")), hgrm);
        } finally {
            Locale.setDefault(saved);
        }
    }

    /** Three trials of one 1 s interval each, all holding {@code recorded}. */
    private static ConfigurationResult configuration(Histogram recorded) {
        String encoded = Histograms.encode(recorded);
        IntervalResult interval = new IntervalResult(0.0, 1.0, 1000, 0, 1000, 50_000, 99_000, 100_000, 1, 1, 0.1,
                encoded);
        List<TrialResult> trials = List.of(1, 2, 3).stream().map(i -> new TrialResult(i, 1.0, 1000, 1000, 1000,
                new Errors(0, 0, 0, 0), 1000, Latency.of(recorded), null, null,
                new GeneratorUsage(1, 0.1, 0.1, 100, 1000, 1000, Double.NaN), List.of(interval), encoded, null,
                Double.NaN, null)).toList();
        return new ConfigurationResult(new Configuration("single/hello/closed/c64", "single", "hello", "closed", 64,
                null, null, null, null, 20, null, 2, "x", List.of()), Verdict.VALID, 3, null,
                SampleRuns.run().configurations().get(0).summary(), trials, null);
    }
}
