package corelab.modes.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentLinesTest {
    @Test
    void keepsTheLastLinesOldestFirst() {
        RecentLines recent = new RecentLines(2);
        recent.add("a");
        recent.add("b");
        recent.add("c");
        assertEquals(List.of("b", "c"), recent.list());
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new RecentLines(0));
    }
}
