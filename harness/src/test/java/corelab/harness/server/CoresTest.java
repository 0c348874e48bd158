package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoresTest {
    @Test
    void zeroMeansNoRestriction() {
        assertEquals(List.of(), Cores.commandPrefix(0));
    }

    @Test
    void kCoresAreTheFirstK() {
        assertEquals(List.of("taskset", "-c", "0-0"), Cores.commandPrefix(1));
        int all = Cores.available();
        assertEquals(List.of("taskset", "-c", "0-" + (all - 1)), Cores.commandPrefix(all));
    }

    @Test
    void moreCoresThanTheMachineHasOrNegativeIsAClearError() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Cores.commandPrefix(Cores.available() + 1));
        assertTrue(tooMany.getMessage().contains("between 0 (no restriction) and " + Cores.available()),
                tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cores.commandPrefix(-1));
    }
}
