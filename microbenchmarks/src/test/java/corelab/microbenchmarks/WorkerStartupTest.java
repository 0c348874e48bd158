package corelab.microbenchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerStartupTest {
    @Test
    void timesRealServersToTheirReadyLineAndLeavesNoneRunning() throws Exception {
        List<String> log = new ArrayList<>();
        WorkerStartupResult result = WorkerStartup.measure(1, 3, log::add);

        assertEquals(3, result.samplesMillis().size(), "the warmup start is not counted");
        assertTrue(result.command().contains("corelab.modes.ServerMain"), result.command().toString());
        assertTrue(result.command().contains("mode=single") && result.command().contains("port=0"),
                result.command().toString());
        assertTrue(log.get(0).startsWith("+ "), "the command is echoed first: " + log);
        assertTrue(log.get(1).endsWith("(warmup, not counted)"), log.toString());
        assertEquals(5, log.size(), log.toString());

        JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertEquals(3, json.get("n").asInt());
        assertEquals("ms", json.get("unit").asText());
        assertTrue(json.get("mean").asDouble() > 0);
        assertTrue(json.get("halfWidth95").isNumber(), "three starts give an interval");
        assertFalse(ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive), "a server was left running");
    }

    @Test
    void withTooFewStartsTheErrorIsUnknownNotMadeUp() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new WorkerStartupResult(List.of(410.0, 430.0), List.of("java")).toJson());
        assertEquals(420, json.get("mean").asDouble(), 1e-9);
        assertTrue(json.get("halfWidth95").isNull(), json.toString());
    }

    @Test
    void aStartUpTimeMustBeAPositiveNumber() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerStartupResult(List.of(Double.NaN), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new WorkerStartupResult(List.of(-1.0), List.of()));
    }
}
