package corelab.harness.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.process.JvmCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress bar is drawn on a terminal only: a CI log or a notebook gets plain lines. */
class ProgressTest {
    /** Prints what {@link Progress#onTerminal()} says in a JVM of its own. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println("onTerminal=" + Progress.onTerminal());
        }
    }

    /**
     * A test's output is a pipe to the test runner: no terminal, on any JDK (JDK 22 to 24 return a
     * console here all the same, which the former {@code System.console() == null} took for one).
     */
    @Test
    void redirectedOutputIsNoTerminal() {
        assertFalse(Progress.onTerminal());
    }

    @Test
    void isTerminalIsFoundWhereTheJdkHasIt() {
        if (Runtime.version().feature() >= 22) {
            assertNotNull(Progress.isTerminalMethod(), "Console.isTerminal() exists since JDK 22");
        } else {
            assertNull(Progress.isTerminalMethod());
        }
    }

    /** {@code script} (util-linux) runs the JVM on a pseudo-terminal, as a user's shell would. */
    @Test
    void aPseudoTerminalIsATerminal() throws Exception {
        String java = String.join(" ", JvmCommand.forMain(Probe.class, List.of(), List.of()).stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
        Process script = new ProcessBuilder("script", "-qec", java, "/dev/null").redirectErrorStream(true).start();
        script.getOutputStream().close();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue(), output);
        assertTrue(output.contains("onTerminal=true"), output);
    }
}
