package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.process.JvmCommand;
import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When the harness JVM dies, its servers die too. Killed outright (SIGKILL), the harness runs
 * no code: a corelab server notices its stdin closing, a foreign one is killed by the watcher
 * of its {@code ChildProcess} wrapper, which notices. Stopped (SIGTERM, Ctrl-C), its shutdown
 * hook closes them, even servers that ignore their stdin.
 */
@Tag("slow")
class HarnessDeathTest {
    private Process harness;
    private final List<Long> tree = new ArrayList<>();

    @AfterEach
    void leaveNothingBehind() throws InterruptedException {
        if (harness != null) {
            harness.destroyForcibly();
            harness.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        Trees.killSurvivors(tree);
    }

    @Test
    void aSigkilledHarnessTakesACorelabClusterWithIt() throws Exception {
        startHarness("mode", "mode=cluster", "workers=2", "port=0");
        assertEquals(3, tree.size(), "primary and two workers: " + tree);
        harness.destroyForcibly();
        ProcessGone.assertAllExit(tree);
    }

    @Test
    void aSigkilledHarnessTakesAForeignServerThatIgnoresItsStdinAndSigterm() throws Exception {
        // SIG_IGN survives exec: python ignores SIGTERM too, and never reads its stdin.
        startHarness("command", "trap '' TERM; exec python3 -m http.server {port} --bind 127.0.0.1");
        assertTrue(tree.size() >= 2, "the wrapper and the server: " + tree);
        harness.destroyForcibly();
        ProcessGone.assertAllExit(tree);
    }

    @Test
    void aStoppedHarnessClosesItsServersInItsShutdownHook() throws Exception {
        // Neither sh nor python reads stdin: only the hook can stop them.
        startHarness("command", ServerProcessCommandTest.PYTHON_SERVER);
        assertTrue(tree.size() >= 2, "sh and python: " + tree);
        harness.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        assertTrue(harness.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        ProcessGone.assertAllExit(tree);
    }

    @Test
    void aStoppedHarnessClosesACorelabCluster() throws Exception {
        startHarness("mode", "mode=cluster", "workers=2", "port=0");
        harness.destroy();
        assertTrue(harness.waitFor(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        ProcessGone.assertAllExit(tree);
    }

    /** Starts a {@link LifelineHarnessMain} and waits for it to report its server's tree. */
    private void startHarness(String... args) throws IOException {
        harness = new ProcessBuilder(JvmCommand.forMain(LifelineHarnessMain.class, List.of(), List.of(args)))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(LifelineHarnessMain.TREE_PREFIX)) {
                    Arrays.stream(line.substring(LifelineHarnessMain.TREE_PREFIX.length()).split(","))
                            .map(Long::parseLong).forEach(tree::add);
                    return;
                }
                output.add(line);
            }
        }
        throw new AssertionError("the harness ended before its server was ready: " + output);
    }
}
