package corelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration is three parts in Java and one flat object in results.json, which older files must still fit. */
class ConfigurationJsonTest {
    @Test
    void aFileWrittenBeforeTheCounterAndFaultFieldsStillLoads() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(ResultsJson.toJson(SampleRuns.run()));
        for (JsonNode configuration : tree.get("configurations")) {
            ((ObjectNode) configuration).remove(List.of("counter", "counterCheck", "fault"));
        }
        ConfigurationResult first = ResultsJson.fromJson(mapper.writeValueAsString(tree), "old").configurations().get(0);
        assertEquals("single/hello/closed/c64", first.configuration().id());
        assertNull(first.configuration().counter());
        assertNull(first.counterCheck());
        assertNull(first.fault());
        assertEquals(SampleRuns.run().configurations().get(0), first);
    }

    @Test
    void aVerdictThatContradictsItselfIsRefused() {
        String broken = ResultsJson.toJson(SampleRuns.run()).replaceFirst("\"valid\" : true", "\"valid\" : false");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsJson.fromJson(broken, "x"));
        assertTrue(e.getMessage().contains("invalid exactly when it has reasons"), e.getMessage());
    }

    @Test
    void theVerdictFollowsItsReasons() {
        assertEquals(Verdict.VALID, Verdict.of(List.of()));
        Verdict invalid = Verdict.of(List.of("no request was answered correctly"));
        assertTrue(!invalid.valid() && invalid.invalidReasons().size() == 1, invalid.toString());
        assertThrows(IllegalArgumentException.class, () -> new Verdict(true, List.of("a reason")));
    }
}
