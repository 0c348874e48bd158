package corelab.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessGoneTest {
    @Test
    void aKilledProcessIsGoneAndAssertAllExitPasses() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            assertTrue(ProcessGone.alive(sleeper.pid()));
            sleeper.destroyForcibly();
            assertTrue(ProcessGone.await(sleeper.pid()));
            assertFalse(ProcessGone.alive(sleeper.pid()));
            ProcessGone.assertAllExit(List.of(sleeper.pid()));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aProcessThatEndsByItselfIsGone() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        assertTrue(ProcessGone.awaitOrZombie(quick.pid()));
        assertTrue(ProcessGone.await(quick.pid()));
    }
}
