package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuListTest {
    @Test
    void listsReadAndWriteAsLinuxWritesThem() {
        assertEquals(List.of(0, 1, 2, 5, 8, 9), CpuList.parse("0-2,5,8-9\n"));
        assertEquals("0-2,5,8-9", CpuList.format(List.of(0, 1, 2, 5, 8, 9)));
        assertEquals("3", CpuList.format(List.of(3)));
        assertEquals("0,2,4", CpuList.format(List.of(0, 2, 4)));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1"));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("a"));
    }

    @Test
    void thisThreadMayRunOnAsManyCpusAsTheJvmSees() {
        List<Integer> allowed = CpuList.ofCurrentThread();
        assertFalse(allowed.isEmpty(), "/proc/thread-self/status has Cpus_allowed_list on Linux");
        assertEquals(Runtime.getRuntime().availableProcessors(), allowed.size());
        for (int cpu : allowed) {
            assertTrue(CpuList.sameCore(cpu).contains(cpu), "a CPU shares its core with itself");
        }
    }
}
