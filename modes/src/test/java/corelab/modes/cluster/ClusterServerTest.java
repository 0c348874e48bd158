package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The primary's own behaviour, in this JVM: here, giving up on workers that keep dying. */
@Tag("slow")
class ClusterServerTest {
    @Test
    void workersKilledOverAndOverMakeThePrimaryGiveUpWithOneMessageAndNoProcessLeft() throws Exception {
        RestartPolicy quick = new RestartPolicy(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30), 3);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(output, true, StandardCharsets.UTF_8);
        Set<Long> killed = new HashSet<>();
        try (ClusterServer server = new ClusterServer(ServerOptions.parse(Map.of("mode", "cluster", "workers", "1",
                "port", "0", "backendDelayMillis", "1")), log, quick)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Processes.WAIT_SECONDS);
            while (!server.failure().isDone() && System.nanoTime() < deadline) {
                Long pid = server.workerPids().get(1);
                if (pid != null && killed.add(pid)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                Thread.sleep(10);
            }
            String reason = server.failure().get(Processes.WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(reason.startsWith("workers crashed 4 times in a row"), reason);
            String text = output.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("corelab: " + reason), text);
            assertFalse(killed.isEmpty());
            for (long pid : killed) {
                assertTrue(Processes.awaitGone(pid));
            }
            assertTrue(server.cluster().workers().isEmpty(), "a primary that gave up keeps no worker");
        }
    }
}
