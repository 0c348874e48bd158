package corelab.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Each configuration's latencies in the files HdrHistogram's own tools read: an interval log
 * ({@code <id>.hlog}, for {@code HistogramLogProcessor}) with one histogram per interval, and a percentile
 * distribution ({@code <id>.hgrm}, wrk2's output format, for HdrHistogram's plotter) of all its trials.
 * Values are in microseconds, as in results.json; the .hgrm is scaled to milliseconds, as wrk2 prints it.
 * Interval timestamps are seconds of measurement, the trials laid end to end: between two trials the run
 * measured the other configurations, and those seconds are not this configuration's.
 */
public final class HistogramFiles {
    static final double MICROS_PER_MILLI = 1000.0;

    private HistogramFiles() {
    }

    /** The file name for a configuration: its id with '/' as '_', e.g. "single_hello_closed_c64". */
    public static String baseName(Configuration configuration) {
        return configuration.id().replaceAll("[^A-Za-z0-9.@-]", "_");
    }

    /**
     * Writes both files for every configuration with a recorded trial of corelab's generator: a trial driven by
     * wrk or ab has no histogram (its tool prints a summary only).
     */
    static void write(Path folder, RunResult run) throws IOException {
        for (ConfigurationResult c : run.configurations()) {
            if (c.trials().isEmpty() || c.trials().stream().anyMatch(t -> t.histogram() == null)) {
                continue;
            }
            String name = baseName(c.configuration());
            AtomicFiles.write(folder.resolve(name + ".hlog"), intervalLog(c));
            AtomicFiles.write(folder.resolve(name + ".hgrm"), percentiles(c));
        }
    }

    static String intervalLog(ConfigurationResult c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("corelab " + c.configuration().id() + ": latency in microseconds; timestamps are"
                    + " seconds of measurement, the trials end to end");
            writer.outputLogFormatVersion();
            writer.outputBaseTime(0);
            writer.outputLegend();
            double offset = 0;
            for (TrialResult trial : c.trials()) {
                for (IntervalResult interval : trial.intervals()) {
                    Histogram histogram = Histograms.decode(interval.histogram());
                    histogram.setStartTimeStamp(Math.round((offset + interval.startSeconds()) * 1000));
                    histogram.setEndTimeStamp(Math.round((offset + interval.startSeconds() + interval.seconds()) * 1000));
                    writer.outputIntervalHistogram(histogram);
                }
                offset += trial.seconds();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String percentiles(ConfigurationResult c) {
        Histogram all = Histograms.empty();
        c.trials().forEach(t -> all.add(Histograms.decode(t.histogram())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            all.outputPercentileDistribution(out, MICROS_PER_MILLI); // HdrHistogram formats under Locale.US itself
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
