package corelab.reports;

import corelab.results.FlightRecordingResult;
import corelab.results.FlightRecordingResult.Durations;
import java.util.List;
import java.util.Locale;

/**
 * A configuration's JDK Flight Recorder events, in one small table: for each kind, how many were
 * kept, their durations' percentiles, and a one-line picture of how many fell in each second of
 * the trials (laid end to end), so a burst of pins or a GC storm shows where it happened; then the
 * carriers' CPU over time, and the .jfr files for JDK Mission Control.
 */
final class FlightRecordingTable {
    private static final String BARS = "▁▂▃▄▅▆▇█";

    private FlightRecordingTable() {
    }

    static void write(StringBuilder html, FlightRecordingResult jfr) {
        html.append("<table class=\"facts\"><tr><th>JFR events kept</th><th>count</th><th>p50 ms</th><th>p99 ms</th>"
                + "<th>max ms</th><th>total ms</th><th>per second</th></tr>\n");
        row(html, "virtual threads pinned (every pin)", jfr.pinned());
        html.append("<tr><td>virtual thread submits failed</td><td class=\"num\">").append(jfr.submitFailed())
                .append("</td><td colspan=\"5\"></td></tr>\n");
        row(html, "thread parks of 1 ms or more (carriers idle among them)", jfr.parks());
        row(html, "socket reads of 1 ms or more (at most 100/s)", jfr.socketReads());
        row(html, "socket writes of 1 ms or more (at most 100/s)", jfr.socketWrites());
        row(html, "GC pauses (per collection)", jfr.gcPauses());
        html.append("</table>\n");
        if (jfr.carriers() > 0) {
            List<Double> cpu = jfr.carrierCpuBySecond();
            double mean = cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            html.append("<p>Virtual-thread carriers: ").append(jfr.carriers()).append(", their CPU ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * mean))
                    .append(" of the machine's on average (jdk.ThreadCPULoad), per second: <code>")
                    .append(sparkline(cpu)).append("</code></p>\n");
        }
        html.append("<p>Flight recordings for JDK Mission Control:");
        for (FlightRecordingResult.ProcessRecording p : jfr.processes()) {
            html.append(" <a href=\"").append(Html.text(p.file())).append("\">")
                    .append(Html.text(p.role() + (p.workerId() > 0 ? " " + p.workerId() : ""))).append("</a>");
        }
        html.append("</p>\n");
    }

    private static void row(StringBuilder html, String label, Durations d) {
        html.append("<tr><td>").append(Html.text(label)).append("</td><td class=\"num\">").append(d.count())
                .append("</td>").append(millis(d.p50Millis())).append(millis(d.p99Millis()))
                .append(millis(d.maxMillis())).append(millis(d.totalMillis())).append("<td><code>")
                .append(sparkline(d.countBySecond().stream().map(Long::doubleValue).toList()))
                .append("</code></td></tr>\n");
    }

    private static String millis(Double value) {
        return "<td class=\"num\">" + (value == null ? "" : String.format(Locale.ROOT, "%.2f", value)) + "</td>";
    }

    /** One character per second, its height the second's value against the largest; blank when all are 0. */
    static String sparkline(List<Double> values) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double v : values) {
            line.append(max > 0 ? BARS.charAt((int) Math.round(v / max * (BARS.length() - 1))) : ' ');
        }
        return line.toString();
    }
}
