package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.ServerMain;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import corelab.testkit.ProcessGone;
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
        try (ClusterServer server = new ClusterServer(ServerMain.class, ServerOptions.parse(Map.of("mode", "cluster", "workers", "1",
                "port", "0", "backendDelayMillis", "1")), log, quick)) {
            Eventually.within(Eventually.PATIENCE, () -> {
                Long pid = server.workerPids().get(1);
                if (pid != null && killed.add(pid)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                return server.failure().isDone();
            });
            String reason = server.failure().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(reason.startsWith("workers crashed 4 times in a row"), reason);
            String text = output.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("corelab: " + reason), text);
            assertFalse(killed.isEmpty());
            for (long pid : killed) {
                assertTrue(ProcessGone.await(pid));
            }
            assertTrue(server.cluster().workers().isEmpty(), "a primary that gave up keeps no worker");
        }
    }
}
