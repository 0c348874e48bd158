package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionResultTest {
    @Test
    void theConnectionsRoundTripThroughJsonAndAreAbsentWhereNotRecorded() throws Exception {
        List<ConnectionResult> connections = List.of(new ConnectionResult(0, 120, 35.5), new ConnectionResult(1, 3, 912));
        ConfigurationResult plain = SampleRuns.configuration("virtual", 1000);
        List<TrialResult> trials = plain.trials().stream().map(t -> t.withConnections(connections)).toList();
        ConfigurationResult measured = new ConfigurationResult(plain.configuration(), plain.verdict(),
                plain.warmupSeconds(), null, plain.summary(), trials, null);
        RunResult run = SampleRuns.runOf(measured);
        String json = ResultsJson.toJson(run);
        assertEquals(run, ResultsJson.fromJson(json, "test"));
        assertTrue(json.contains("\"longestSilenceMillis\" : 912.0"), json);
        String without = ResultsJson.toJson(SampleRuns.run());
        assertFalse(without.contains("\"connections\""), "trials without connections carry no field");
        assertNull(ResultsJson.fromJson(without, "test").configurations().get(0).trials().get(0).connections(),
                "a file written before connections were recorded reads as none");
        assertEquals(912.0, ConnectionResult.longestSilenceMillis(connections), 1e-9);
        assertTrue(Double.isNaN(ConnectionResult.longestSilenceMillis(List.of())));
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionResult(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionResult(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionResult(0, 0, Double.NaN));
    }
}
