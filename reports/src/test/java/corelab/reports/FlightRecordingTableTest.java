package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.FlightRecordingResult;
import corelab.results.FlightRecordingResult.Durations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration's JFR events as the report draws them: counts, percentiles, one bar per second, the files. */
class FlightRecordingTableTest {
    private static final Durations NONE = new Durations(0, 0, null, null, null, List.of(0L, 0L, 0L));

    @Test
    void eachKindHasItsCountPercentilesAndSecondsAndTheFilesAreLinked() {
        Durations parks = new Durations(12, 30.0, 1.5, 4.25, 4.25, List.of(8L, 0L, 4L));
        FlightRecordingResult jfr = new FlightRecordingResult(List.of(
                new FlightRecordingResult.ProcessRecording("primary", 0, 40, 10, "profiles/c-primary.jfr"),
                new FlightRecordingResult.ProcessRecording("worker", 1, 41, 90, "profiles/c-worker1.jfr")),
                NONE, 0, parks, NONE, NONE, NONE, 2, List.of(0.1, 0.2, 0.0));
        StringBuilder html = new StringBuilder();
        FlightRecordingTable.write(html, jfr);
        String text = html.toString();
        assertTrue(text.contains("<td class=\"num\">12</td><td class=\"num\">1.50</td><td class=\"num\">4.25</td>"
                + "<td class=\"num\">4.25</td><td class=\"num\">30.00</td><td><code>█▁▅</code></td>"), text);
        assertTrue(text.contains("Virtual-thread carriers: 2, their CPU 10% of the machine's"), text);
        assertTrue(text.contains("<a href=\"profiles/c-worker1.jfr\">worker 1</a>"), text);
        assertFalse(text.contains("null"), "an event that never came has empty percentiles: " + text);
    }

    @Test
    void aSparklineScalesToItsLargestValueAndIsBlankWhenAllAreZero() {
        assertEquals("▁▅█", FlightRecordingTable.sparkline(List.of(0.0, 1.0, 2.0)));
        assertEquals("   ", FlightRecordingTable.sparkline(List.of(0.0, 0.0, 0.0)));
    }
}
