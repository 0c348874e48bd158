package corelab.modes.wire;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One sample of a calibration JVM, for the limits a run draws: {@code corelab-calibration
 * kernel-requests-per-cpu-second=1063.2} (cpu requests' kernels one thread computed per second of its
 * CPU time) or {@code corelab-calibration backend-round-trip-millis=20.13} (one io backend call, as the
 * servers make it).
 */
public record CalibrationLine(Figure figure, double value) {
    private static final Pattern FORM = Pattern.compile(
            "corelab-calibration (kernel-requests-per-cpu-second|backend-round-trip-millis)=([0-9.]+)");

    /** What a sample measures. */
    public enum Figure {
        KERNEL_REQUESTS_PER_CPU_SECOND("kernel-requests-per-cpu-second"),
        BACKEND_ROUND_TRIP_MILLIS("backend-round-trip-millis");

        private final String word;

        Figure(String word) {
            this.word = word;
        }

        static Figure of(String word) {
            for (Figure figure : values()) {
                if (figure.word.equals(word)) {
                    return figure;
                }
            }
            throw new IllegalArgumentException("no calibration figure " + word);
        }
    }

    public CalibrationLine {
        Lines.require(figure != null, "a calibration line names its figure");
        Lines.require(value > 0 && Double.isFinite(value), "a calibration sample is positive, was " + value);
    }

    public static Optional<CalibrationLine> parse(String line) {
        return Lines.parse(FORM, line,
                match -> new CalibrationLine(Figure.of(match.group(1)), Double.parseDouble(match.group(2))));
    }

    public String format() {
        return "corelab-calibration " + figure.word + "=" + String.format(Locale.ROOT, "%.6f", value);
    }
}
