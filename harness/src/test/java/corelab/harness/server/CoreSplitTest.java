package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core assignment on machines this one is not: it has two cores, where nothing is pinned. */
class CoreSplitTest {
    @Test
    void belowFourCpusNothingIsPinned() {
        assertEquals(Optional.empty(), CoreSplit.of(2, 1, 0));
        assertEquals(Optional.empty(), CoreSplit.of(3, 1, 0));
    }

    @Test
    void theGeneratorTakesTheLastCpusAndTheServerTheFirst() {
        CoreSplit eight = CoreSplit.of(8, 1, 0).orElseThrow();
        assertEquals(List.of(7), eight.generatorCpus());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), eight.serverCpus());
        assertEquals("0-6", eight.serverCpuList());
        CoreSplit two = CoreSplit.of(8, 2, 4).orElseThrow();
        assertEquals(List.of(6, 7), two.generatorCpus());
        assertEquals(List.of(0, 1, 2, 3), two.serverCpus(), "-Dcores=4: the first four");
        CoreSplit four = CoreSplit.of(4, 1, 0).orElseThrow();
        assertEquals(List.of(3), four.generatorCpus());
        assertEquals(List.of(0, 1, 2), four.serverCpus());
    }

    @Test
    void aSplitThatCannotBeMadeIsRefusedInWords() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> CoreSplit.of(4, 1, 4));
        assertTrue(tooMany.getMessage().contains("-Dcores=4 is more than the 3 CPUs left"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoreSplit.of(4, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new CoreSplit(List.of(1), List.of(0, 1)));
    }
}
