package corelab.harness.tool;

import corelab.results.Errors;
import corelab.results.Latency;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ApacheBench's report: complete and failed requests, non-2xx answers, the time taken,
 * requests per second, the "Total" row of its connection times (mean, max) and its percentile
 * table (50%, 90%, 99%). ab measures in whole milliseconds: every latency here is a multiple
 * of 1000 us, and a request under 1 ms reads as 0.
 */
final class AbOutput {
    private static final Pattern COMPLETE = Pattern.compile("Complete requests:\\s+(\\d+)");
    private static final Pattern FAILED = Pattern.compile(
            "Failed requests:\\s+(\\d+)(?:\\s*\\(Connect: (\\d+), Receive: (\\d+), Length: (\\d+), Exceptions: (\\d+)\\))?");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");
    private static final Pattern TIME = Pattern.compile("Time taken for tests:\\s+([\\d.]+) seconds");
    private static final Pattern RATE = Pattern.compile("Requests per second:\\s+([\\d.]+)");
    private static final Pattern TOTAL_ROW = Pattern.compile("^Total:\\s+(\\d+)\\s+(\\d+)\\s+\\S+\\s+(\\d+)\\s+(\\d+)",
            Pattern.MULTILINE);
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99|100)%\\s+(\\d+)", Pattern.MULTILINE);

    private AbOutput() {
    }

    static ToolFigures parse(String output) {
        long complete = Long.parseLong(find(COMPLETE, output, "its complete requests").group(1));
        Matcher failed = find(FAILED, output, "its failed requests");
        // ab's "Length" failures are answers whose length differs from the first one's: a /counter answer
        // grows a digit now and then. corelab does not count a body of another length as a failure.
        long connectionErrors = failed.group(2) == null ? Long.parseLong(failed.group(1))
                : Long.parseLong(failed.group(2)) + Long.parseLong(failed.group(3)) + Long.parseLong(failed.group(5));
        Matcher non2xx = NON_2XX.matcher(output);
        long statusErrors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        double seconds = Double.parseDouble(find(TIME, output, "its time taken").group(1));
        double rate = Double.parseDouble(find(RATE, output, "its requests per second").group(1));
        Matcher total = find(TOTAL_ROW, output, "its connection times");
        Map<String, Double> percentiles = new HashMap<>();
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            percentiles.put(percentile.group(1), Double.parseDouble(percentile.group(2)) * 1000);
        }
        if (percentiles.size() < 4) {
            throw new IllegalArgumentException("ab printed no percentile table; its output: " + output.strip());
        }
        // "Complete requests" counts the non-2xx answers too; corelab counts those as errors.
        long completed = complete - statusErrors;
        Latency latency = new Latency(completed, Double.parseDouble(total.group(2)) * 1000, percentiles.get("50"),
                percentiles.get("90"), percentiles.get("99"), Double.NaN, percentiles.get("100"));
        Map<String, String> missing = new HashMap<>(ToolFigures.NEVER_GIVEN);
        missing.put("latency.p999Micros", "ab's table stops at 99% before its longest request");
        missing.put("latency.belowOneMilli", "ab prints whole milliseconds: what happens within 1 ms is not known");
        missing.put("uncorrectedLatency", "closed load: no intended times, nothing to correct");
        return new ToolFigures(completed, seconds, rate, new Errors(0, statusErrors, 0, connectionErrors), latency,
                missing);
    }

    private static Matcher find(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("ab printed no " + what + "; its output: " + output.strip());
        }
        return matcher;
    }
}
