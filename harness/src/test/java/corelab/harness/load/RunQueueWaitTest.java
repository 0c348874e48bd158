package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunQueueWaitTest {
    @Test
    void theWaitIsTheSecondFieldOfSchedstat() {
        assertEquals(456, RunQueueWait.parse("123 456 7\n"));
        assertEquals(RunQueueWait.UNKNOWN, RunQueueWait.parse("123"));
    }

    @Test
    void aThreadReadsItsOwnWaitAndItNeverGoesBack() {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/schedstat")), "no schedstat here");
        RunQueueWait wait = RunQueueWait.ofCurrentThread();
        long first = wait.nanos();
        Thread.onSpinWait();
        assertTrue(first >= 0 && wait.nanos() >= first, first + " then " + wait.nanos());
    }
}
