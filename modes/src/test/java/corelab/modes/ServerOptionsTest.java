package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.cluster.RestartPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerOptionsTest {
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ServerOptions defaults = ServerOptions.defaults();
        assertEquals(Mode.SINGLE, defaults.mode());
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(200, defaults.threads());
        assertEquals(ServerOptions.CORES, defaults.workers());
        assertEquals(ServerOptions.CORES, defaults.offloadThreads());
    }

    @Test
    void writtenOutOptionsReadBackToTheSameRecord() {
        ServerOptions options = ServerOptions.parse(Map.of("mode", "cluster", "workerMode", "virtual",
                "port", "0", "workers", "3", "cpuIterations", "77", "backendDelayMillis", "0"));
        assertEquals(options, ServerOptions.parse(options.toMap()));
    }

    @Test
    void theRestartOptionsArePm2sAndMakeTheClusterRestartPolicy() {
        assertEquals(RestartPolicy.DEFAULT, ServerOptions.defaults().restartPolicy());
        ServerOptions options = ServerOptions.parse(Map.of("maxRestarts", "2", "minUptimeMillis", "500",
                "restartDelayMillis", "10", "balance", "proxy"));
        assertEquals(new RestartPolicy(Duration.ofMillis(10), RestartPolicy.DEFAULT.maxDelay(), Duration.ofMillis(500), 2),
                options.restartPolicy());
        assertEquals(Balance.PROXY, options.balance());
        assertEquals(Balance.KERNEL, ServerOptions.defaults().balance());
        assertEquals(options, ServerOptions.parse(options.toMap()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mode|fork|unknown mode 'fork'; valid modes: single, platform, virtual, offload, cluster",
            "threads|0|threads must be a whole number from 1 to",
            "backendDelayMillis|-5|backendDelayMillis must be a whole number from 0 to",
            "port|http|port must be a whole number from 0 to 65535, was 'http'",
            "workerMode|cluster|workerMode must be an in-process mode",
            "balance|round-robin|balance: unknown balance 'round-robin'; valid balances: kernel, proxy, nginx",
            "restartDelayMillis|0|restartDelayMillis must be a whole number from 1 to",
            "treads|8|unknown option 'treads'; valid options: mode,"})
    void aBadOptionIsOneClearMessage(String name, String value, String expected) {
        OptionException e = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of(name, value)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
