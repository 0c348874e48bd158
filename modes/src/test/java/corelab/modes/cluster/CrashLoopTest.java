package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerMain;
import corelab.modes.wire.CrashLoop;
import corelab.modes.wire.MessageLine;
import corelab.modes.wire.WorkerExitLine;
import corelab.testkit.Eventually;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash-loop fault in a real primary: its workers crash, every replacement exits at start
 * (exit 78), the restart policy backs off, gives up, and the primary exits with code 3, leaving
 * no process behind.
 */
@Tag("slow")
class CrashLoopTest {
    @Test
    void aCrashLoopEndsWithThePrimaryGivingUpWithExitCode3() throws Exception {
        try (PrimaryProcess primary = PrimaryProcess.cluster("kernel", 2, "restartDelayMillis=20", "maxRestarts=3")) {
            primary.awaitReady();
            OutputStream stdin = primary.process.getOutputStream();
            stdin.write((new MessageLine(new CrashLoop()).format() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // The replacements are started, and exit at start, before the primary gives up.
            primary.awaitLine(line -> WorkerExitLine.parse(line).filter(exit -> exit.exitCode() == ServerMain.EXIT_CONFIG)
                    .isPresent());
            primary.awaitLine(line -> line.contains("giving up restarting them"));
            assertTrue(primary.process.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the primary exits");
            assertEquals(ServerMain.EXIT_GAVE_UP, primary.process.exitValue(), primary.output());
        } // closing checks that no worker outlived it
    }
}
