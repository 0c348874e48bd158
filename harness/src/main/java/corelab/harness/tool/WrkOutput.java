package corelab.harness.tool;

import corelab.results.Errors;
import corelab.results.Latency;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads wrk's summary (run with {@code --latency}): the thread-stats latency line (mean, max),
 * the latency distribution (50%, 90%, 99%), the count and duration, socket errors and non-2xx
 * answers. wrk prints durations with units (us, ms, s); corelab keeps microseconds.
 */
final class WrkOutput {
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)(?:\\.000)?%\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private WrkOutput() {
    }

    static ToolFigures parse(String output) {
        Matcher latency = find(LATENCY, output, "its latency line");
        Map<String, Double> percentiles = new HashMap<>();
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            percentiles.put(percentile.group(1), micros(percentile.group(2)));
        }
        if (percentiles.size() < 3) {
            throw new IllegalArgumentException("wrk printed no latency distribution (was it run with --latency?)");
        }
        Matcher total = find(TOTAL, output, "its request count");
        long completed = Long.parseLong(total.group(1));
        double seconds = micros(total.group(2) + total.group(3)) / 1e6;
        long socketErrors = 0;
        long timeouts = 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            socketErrors = Long.parseLong(socket.group(1)) + Long.parseLong(socket.group(2))
                    + Long.parseLong(socket.group(3));
            timeouts = Long.parseLong(socket.group(4));
        }
        Matcher non2xx = NON_2XX.matcher(output);
        long statusErrors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        double rate = Double.parseDouble(find(RATE, output, "its requests per second").group(1));
        // wrk's count includes the non-2xx answers; corelab counts those as errors, not as completed.
        Latency figures = new Latency(completed - statusErrors, micros(latency.group(1)), percentiles.get("50"),
                percentiles.get("90"), percentiles.get("99"), Double.NaN, micros(latency.group(3)));
        Map<String, String> missing = new HashMap<>(ToolFigures.NEVER_GIVEN);
        missing.put("latency.p999Micros", "wrk --latency prints 50%, 75%, 90% and 99% only");
        missing.put("uncorrectedLatency", "closed load: no intended times, nothing to correct");
        return new ToolFigures(completed - statusErrors, seconds, rate,
                new Errors(0, statusErrors, timeouts, socketErrors), figures, missing);
    }

    /** {@code 635.91us}, {@code 1.00ms}, {@code 2.5s}, {@code 1.2m} as microseconds. */
    static double micros(String value) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("wrk printed a duration corelab cannot read: " + value);
        }
        double number = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> number;
            case "ms" -> number * 1e3;
            case "s" -> number * 1e6;
            default -> number * 60e6;
        };
    }

    private static Matcher find(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("wrk printed no " + what + "; its output: " + output.strip());
        }
        return matcher;
    }
}
