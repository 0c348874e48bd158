package corelab.harness.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** wrk's and ab's real output (captured on loopback, 2026-11-30), read into corelab's units. */
class ToolOutputTest {
    @Test
    void wrksSummaryInMicroseconds() throws IOException {
        ToolFigures figures = WrkOutput.parse(resource("wrk-hello.txt"));
        assertEquals(13602, figures.completed());
        assertEquals(13480.05, figures.throughputPerSecond(), 1e-9);
        assertEquals(1.01, figures.seconds(), 1e-9);
        assertEquals(5680, figures.latency().meanMicros(), 1e-6);
        assertEquals(255, figures.latency().p50Micros(), 1e-9);
        assertEquals(16170, figures.latency().p90Micros(), 1e-6);
        assertEquals(75300, figures.latency().p99Micros(), 1e-6);
        assertEquals(91610, figures.latency().maxMicros(), 1e-6);
        assertTrue(Double.isNaN(figures.latency().p999Micros()), "wrk prints no 99.9%");
        assertEquals(new Errors(0, 0, 0, 0), figures.errors());
        assertTrue(figures.missing().containsKey("histogram") && figures.missing().containsKey("latency.p999Micros"));
    }

    @Test
    void absReportInWholeMillisecondsWithoutLengthFailures() throws IOException {
        ToolFigures figures = AbOutput.parse(resource("ab-counter.txt"));
        assertEquals(1280, figures.completed());
        assertEquals(1266.56, figures.throughputPerSecond(), 1e-9);
        assertEquals(6000, figures.latency().meanMicros(), 1e-9);
        assertEquals(2000, figures.latency().p50Micros(), 1e-9);
        assertEquals(13000, figures.latency().p90Micros(), 1e-9);
        assertEquals(85000, figures.latency().p99Micros(), 1e-9);
        assertEquals(120000, figures.latency().maxMicros(), 1e-9);
        // 1271 "Length" failures: /counter answers grow a digit; not a failed request for corelab.
        assertEquals(new Errors(0, 0, 0, 0), figures.errors());
        assertTrue(figures.missing().containsKey("latency.belowOneMilli"));
    }

    @Test
    void wrkDurationsWithTheirUnits() {
        assertEquals(635.91, WrkOutput.micros("635.91us"), 1e-9);
        assertEquals(1000, WrkOutput.micros("1.00ms"), 1e-9);
        assertEquals(2.5e6, WrkOutput.micros("2.50s"), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> WrkOutput.micros("3 parsecs"));
    }

    @Test
    void outputThatIsNotTheToolsIsOneClearError() {
        IllegalArgumentException wrk = assertThrows(IllegalArgumentException.class, () -> WrkOutput.parse("hello"));
        assertTrue(wrk.getMessage().startsWith("wrk printed no"), wrk.getMessage());
        IllegalArgumentException ab = assertThrows(IllegalArgumentException.class, () -> AbOutput.parse("hello"));
        assertTrue(ab.getMessage().startsWith("ab printed no"), ab.getMessage());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ToolOutputTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
