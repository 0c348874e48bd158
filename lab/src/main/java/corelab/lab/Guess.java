package corelab.lab;

import corelab.results.ConfigurationResult;
import corelab.results.ConnectionResult;
import corelab.results.stats.Estimate;
import java.util.Optional;
import java.util.function.Function;

/**
 * One prediction a student writes down before a run, as a value the lab can check afterwards:
 * {@code Guess.throughput("single io", 3000)} guesses 3,000 requests/s for the configuration whose id has
 * the words {@code single} and {@code io} ({@code single/io/closed/c64}). Words are the parts of a
 * configuration's id between its slashes: the mode, the workload, {@code c64} for 64 connections,
 * {@code threads16}, {@code rate300}, a counter or a fault. A value of 0 means "not guessed yet".
 *
 * @param measure  what is guessed
 * @param words    which configuration, by the words of its id, separated by spaces
 * @param value    the guess, in the measure's unit; 0 for none
 */
public record Guess(Measure measure, String words, double value) {
    /** A measured figure with the ends of its 95% interval, NaN where the run cannot give them. */
    record Figure(double mean, double lower, double upper) {
        static Figure of(Estimate e, double factor) {
            return new Figure(e.mean() * factor, e.lower() * factor, e.upper() * factor);
        }

        static Figure single(double value) {
            return new Figure(value, Double.NaN, Double.NaN);
        }

        /** {@code numerator / e}: the interval's ends swap, and a lower end at or below 0 leaves it open. */
        static Figure reciprocal(Estimate e, double numerator) {
            boolean known = !Double.isNaN(e.lower()) && e.lower() > 0;
            return new Figure(numerator / e.mean(), known ? numerator / e.upper() : Double.NaN,
                    known ? numerator / e.lower() : Double.NaN);
        }

        boolean hasInterval() {
            return !Double.isNaN(lower) && !Double.isNaN(upper);
        }
    }

    /** What a guess is about, in which unit, and where the run keeps it. */
    public enum Measure {
        THROUGHPUT("requests/s", c -> Optional.of(Figure.of(c.summary().throughputPerSecond(), 1))),
        P50("ms, median latency", c -> Optional.of(Figure.of(c.summary().p50Micros(), 1e-3))),
        P99("ms, 99th-percentile latency", c -> Optional.of(Figure.of(c.summary().p99Micros(), 1e-3))),
        UNCORRECTED_P99("ms, 99th-percentile latency timed from each send (uncorrected)",
                c -> Optional.of(Figure.of(c.summary().uncorrectedP99Micros(), 1e-3))),
        CPU_PER_REQUEST("us of server CPU per request",
                c -> Optional.of(Figure.reciprocal(c.summary().requestsPerCpuSecond(), 1e6))),
        MEMORY("MB of server memory (RSS)", c -> Optional.of(Figure.of(c.summary().serverRssBytes(), 1e-6))),
        FAILED_PERCENT("% of requests failed", c -> Optional.of(Figure.single(c.summary().errorPercent()))),
        COUNTED_PERCENT("% of requests the counter counted", c -> Optional.ofNullable(c.counterCheck())
                .filter(check -> check.requests() > 0)
                .map(check -> Figure.single(100.0 * check.highestCount() / check.requests()))),
        REQUESTS_FAILED_IN_FAULT("requests failed around the fault", c -> Optional.ofNullable(c.fault())
                .map(f -> Figure.single(f.requestsFailed()))),
        OUTAGE("ms with no answer at all around the fault", c -> Optional.ofNullable(c.fault())
                .map(f -> Figure.single(f.outageMillis()))),
        LONGEST_SILENCE("ms, the longest any one connection waited for an answer, per trial",
                c -> longestSilence(c));

        /** Each trial's longest silence over its connections, mean over the trials that recorded connections. */
        private static Optional<Figure> longestSilence(ConfigurationResult c) {
            double[] perTrial = c.trials().stream().filter(t -> t.connections() != null && !t.connections().isEmpty())
                    .mapToDouble(t -> ConnectionResult.longestSilenceMillis(t.connections())).toArray();
            return perTrial.length == 0 ? Optional.empty() : Optional.of(Figure.of(Estimate.of(perTrial), 1));
        }

        private final String unit;
        private final Function<ConfigurationResult, Optional<Figure>> measured;

        Measure(String unit, Function<ConfigurationResult, Optional<Figure>> measured) {
            this.unit = unit;
            this.measured = measured;
        }

        public String unit() {
            return unit;
        }

        /** The measured figure for one configuration, empty where the run did not measure it. */
        Optional<Figure> of(ConfigurationResult configuration) {
            return measured.apply(configuration).filter(f -> Double.isFinite(f.mean()));
        }
    }

    public Guess {
        if (words == null || words.isBlank()) {
            throw new IllegalArgumentException("a guess names its configuration: Guess.throughput(\"single io\", 3000)");
        }
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("a guess is 0 (none yet) or positive, was " + value);
        }
    }

    public static Guess throughput(String words, double requestsPerSecond) {
        return new Guess(Measure.THROUGHPUT, words, requestsPerSecond);
    }

    public static Guess p50(String words, double millis) {
        return new Guess(Measure.P50, words, millis);
    }

    public static Guess p99(String words, double millis) {
        return new Guess(Measure.P99, words, millis);
    }

    public static Guess uncorrectedP99(String words, double millis) {
        return new Guess(Measure.UNCORRECTED_P99, words, millis);
    }

    public static Guess cpuPerRequest(String words, double micros) {
        return new Guess(Measure.CPU_PER_REQUEST, words, micros);
    }

    public static Guess memory(String words, double megabytes) {
        return new Guess(Measure.MEMORY, words, megabytes);
    }

    public static Guess failedPercent(String words, double percent) {
        return new Guess(Measure.FAILED_PERCENT, words, percent);
    }

    public static Guess countedPercent(String words, double percent) {
        return new Guess(Measure.COUNTED_PERCENT, words, percent);
    }

    public static Guess requestsFailedInFault(String words, double requests) {
        return new Guess(Measure.REQUESTS_FAILED_IN_FAULT, words, requests);
    }

    public static Guess outage(String words, double millis) {
        return new Guess(Measure.OUTAGE, words, millis);
    }

    public static Guess longestSilence(String words, double millis) {
        return new Guess(Measure.LONGEST_SILENCE, words, millis);
    }
}
