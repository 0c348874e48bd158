package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first cell of every lab: what this machine has, read from the kernel and the PATH. */
class MachineTest {
    @Test
    void cpuListsAndQuotasReadAsTheKernelWritesThem() {
        assertEquals(5, Machine.count("0-3,8\n"));
        assertEquals(1, Machine.count("0"));
        assertEquals(2, Machine.count("0,4"));
        assertEquals(0, Machine.count(""));
        assertEquals(0, Machine.count("x-y"));
        assertEquals(Optional.empty(), Machine.quota("max 100000\n"));
        assertEquals(Optional.of(1.5), Machine.quota("150000 100000"));
        assertEquals(Optional.empty(), Machine.quota(""));
    }

    @Test
    void thisMachineHasCoresAJdkAndAnAnswerForEveryTool() {
        Machine machine = Machine.probe();
        assertTrue(machine.cores() >= 1, machine.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.cores());
        assertEquals(3, machine.tools().size(), machine.toString());
        assertTrue(machine.toString().contains("JDK: " + Runtime.version()), machine.toString());
        machine.tools().forEach((program, answer) -> assertTrue(!answer.isBlank(), program));
    }
}
