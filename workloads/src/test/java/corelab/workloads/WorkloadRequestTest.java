package corelab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadRequestTest {
    private static final WorkloadSettings SETTINGS = new WorkloadSettings(1234, 7);

    @ParameterizedTest
    @EnumSource(Workload.class)
    void theTargetParsesBackToTheSameRequest(Workload workload) {
        WorkloadRequest request = new WorkloadRequest(workload, 42, 999, 31337, 3);
        String target = request.target();
        assertTrue(target.startsWith(workload.path()), target);
        int question = target.indexOf('?');
        WorkloadRequest parsed = WorkloadRequest.parse(workload,
                question < 0 ? "" : target.substring(question + 1), SETTINGS);
        assertEquals(request.answer(5), parsed.answer(5), target);
    }

    @Test
    void theRouteTableWritesTheseTargetsExactly() {
        assertEquals("/hello", new WorkloadRequest(Workload.HELLO, 42, 999, 31337, 3).target());
        assertEquals("/cpu?seed=42&iterations=999", new WorkloadRequest(Workload.CPU, 42, 999, 31337, 3).target());
        assertEquals("/io?token=31337&delayMillis=3", new WorkloadRequest(Workload.IO, 42, 999, 31337, 3).target());
        assertEquals("/mixed?seed=42&iterations=999&token=31337&delayMillis=3",
                new WorkloadRequest(Workload.MIXED, 42, 999, 31337, 3).target());
        assertEquals("/counter", new WorkloadRequest(Workload.COUNTER, 42, 999, 31337, 3).target());
        assertEquals("/hello, /cpu, /io, /mixed, /counter", Workload.paths());
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void everyPathRoutesToItsWorkload(Workload workload) {
        assertEquals(Optional.of(workload), Workload.forPath(workload.path()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/info", "/cpu/", "/CPU", "cpu", "/crash/exit", ""})
    void otherPathsRouteToNoWorkload(String path) {
        assertEquals(Optional.empty(), Workload.forPath(path));
    }

    @Test
    void anUnknownParameterListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkloadRequest.parse(Workload.IO, "token=1&colour=red", SETTINGS));
        assertEquals("unknown query parameter 'colour'; valid: seed, iterations, token, delayMillis", e.getMessage());
    }

    @Test
    void absentParametersTakeTheServersDefaults() {
        WorkloadRequest parsed = WorkloadRequest.parse(Workload.MIXED, "", SETTINGS);
        assertEquals(1234, parsed.iterations());
        assertEquals(7, parsed.delayMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=abc", "iterations=-1", "iterations=99999999999", "delayMillis=60001", "colour=red"})
    void badParametersAreRefusedWithAMessage(String query) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkloadRequest.parse(Workload.CPU, query, SETTINGS));
        assertTrue(e.getMessage().contains(query.substring(0, query.indexOf('='))), e.getMessage());
    }

    @Test
    void theExpectedAnswerCarriesTheKernelsResult() {
        WorkloadRequest request = new WorkloadRequest(Workload.CPU, 1, 1000, 0, 0);
        assertEquals("cpu seed=1 iterations=1000 result=4bfa55f133e7a465\n", request.expectedAnswer());
        assertEquals("io token=9 delayMillis=2\n", new WorkloadRequest(Workload.IO, 0, 0, 9, 2).expectedAnswer());
        assertEquals(WorkloadRequest.HELLO_ANSWER, new WorkloadRequest(Workload.HELLO, 0, 0, 0, 0).expectedAnswer());
    }

    @Test
    void unknownWorkloadWordsListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.fromWord("gpu"));
        assertTrue(e.getMessage().contains("hello, cpu, io, mixed, counter"), e.getMessage());
    }

    @Test
    void aCounterAnswerCarriesAPositiveCount() {
        WorkloadRequest counter = new WorkloadRequest(Workload.COUNTER, 0, 0, 0, 0);
        assertEquals("/counter", counter.target());
        assertEquals("counter value=42\n", counter.answer(42));
        assertEquals(42, WorkloadRequest.countIn(counter.answer(42)));
        assertEquals(999_999_999_999_999_999L, WorkloadRequest.countIn(counter.answer(999_999_999_999_999_999L)));
        assertThrows(IllegalStateException.class, counter::expectedAnswer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter value=0\n", "counter value=-3\n", "counter value=07\n", "counter value=\n",
            "counter value=12", "counter value=1x\n", "counter value=99999999999999999999\n", "count value=1\n", ""})
    void aMalformedCounterAnswerHasNoCount(String body) {
        assertEquals(-1, WorkloadRequest.countIn(body), body);
    }
}
