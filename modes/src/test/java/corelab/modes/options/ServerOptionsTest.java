package corelab.modes.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mode|fork|unknown mode 'fork'; valid modes: single, platform, virtual, offload, cluster",
            "threads|0|threads must be a whole number from 1 to",
            "backendDelayMillis|-5|backendDelayMillis must be a whole number from 0 to",
            "port|http|port must be a whole number from 0 to 65535, was 'http'",
            "workerMode|cluster|workerMode must be an in-process mode",
            "balance|round-robin|balance: unknown balance 'round-robin'; valid balances: kernel, shared, rr, proxy, nginx",
            "restartDelayMillis|0|restartDelayMillis must be a whole number from 1 to",
            "crashSecret|a&b|crashSecret: letters, digits, '-' and '_' only",
            "treads|8|unknown option 'treads'; valid options: mode,"})
    void aBadOptionIsOneClearMessage(String name, String value, String expected) {
        OptionException e = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of(name, value)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** Every option away from its default, so that a value lost on the way would show. */
    private static final Map<String, String> NOT_DEFAULT = Map.ofEntries(
            Map.entry("mode", "cluster"), Map.entry("workerMode", "virtual"), Map.entry("host", "localhost"),
            Map.entry("port", "9000"), Map.entry("threads", "8"), Map.entry("workers", "3"),
            Map.entry("offloadThreads", "5"), Map.entry("cpuIterations", "77"), Map.entry("backendDelayMillis", "0"),
            Map.entry("backendPort", "7000"), Map.entry("maxHeaderBytes", "1024"), Map.entry("maxBodyBytes", "10"),
            Map.entry("idleTimeoutMillis", "500"), Map.entry("headerTimeoutMillis", "400"),
            Map.entry("bodyTimeoutMillis", "600"), Map.entry("sendTimeoutMillis", "700"),
            Map.entry("maxConnections", "50"), Map.entry("crashEndpoints", "true"), Map.entry("crashSecret", "s3cret"),
            Map.entry("counter", "primary"),
            Map.entry("redisPort", "6380"), Map.entry("statsIntervalMillis", "1000"), Map.entry("balance", "nginx"),
            Map.entry("maxRestarts", "2"), Map.entry("minUptimeMillis", "500"), Map.entry("restartDelayMillis", "10"),
            Map.entry("workerJvmFlags", "-Xms64m -Xmx64m"), Map.entry("shutdownGraceMillis", "250"),
            Map.entry("failAtStart", "true"));

    @Test
    void everyOptionRoundTripsThroughAnotherJvmsArguments() {
        assertEquals(ServerOptions.OPTIONS.names().size(), NOT_DEFAULT.size(), "every option is in this test");
        ServerOptions options = ServerOptions.parse(NOT_DEFAULT);
        Map<String, String> defaults = ServerOptions.defaults().toMap();
        for (Map.Entry<String, String> option : options.toMap().entrySet()) {
            assertNotEquals(defaults.get(option.getKey()), option.getValue(), option.getKey());
        }
        assertEquals(options, ServerOptions.fromArgs(options.toArgs()));
        assertEquals(ServerOptions.defaults(), ServerOptions.fromArgs(ServerOptions.defaults().toArgs()));
        assertTrue(options.toArgs().contains("mode=cluster"), options.toArgs().toString());
    }

    /** JMH's OptionsTest: the typed builder and the command line make equal objects. */
    @Test
    void theTypedWithersAndTheCommandLineAgree() {
        ServerOptions typed = ServerOptions.defaults()
                .withMode(Mode.CLUSTER).with(ServerOptions.WORKER_MODE, Mode.VIRTUAL).withHost("localhost")
                .withPort(9000).withThreads(8).withWorkers(3).with(ServerOptions.OFFLOAD_THREADS, 5)
                .withCpuIterations(77).with(ServerOptions.BACKEND_DELAY_MILLIS, 0).withBackendPort(7000)
                .with(ServerOptions.MAX_HEADER_BYTES, 1024).with(ServerOptions.MAX_BODY_BYTES, 10)
                .with(ServerOptions.IDLE_TIMEOUT_MILLIS, 500).with(ServerOptions.HEADER_TIMEOUT_MILLIS, 400)
                .with(ServerOptions.BODY_TIMEOUT_MILLIS, 600).with(ServerOptions.SEND_TIMEOUT_MILLIS, 700)
                .with(ServerOptions.MAX_CONNECTIONS, 50).with(ServerOptions.CRASH_ENDPOINTS, true)
                .withCrashSecret("s3cret")
                .withCounter(CounterStore.PRIMARY).withRedisPort(6380).withStatsIntervalMillis(1000)
                .withBalance(Balance.NGINX).with(ServerOptions.MAX_RESTARTS, 2)
                .with(ServerOptions.MIN_UPTIME_MILLIS, 500).with(ServerOptions.RESTART_DELAY_MILLIS, 10)
                .withWorkerJvmFlags(List.of("-Xms64m", "-Xmx64m"))
                .with(ServerOptions.SHUTDOWN_GRACE_MILLIS, 250).with(ServerOptions.FAIL_AT_START, true);
        assertEquals(ServerOptions.parse(NOT_DEFAULT), typed);
    }

    @Test
    void aWitherRefusesWhatTheCommandLineRefusesInTheSameWords() {
        OptionException typed = assertThrows(OptionException.class, () -> ServerOptions.defaults().withThreads(0));
        OptionException text = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of("threads", "0")));
        assertEquals(text.getMessage(), typed.getMessage());
        assertThrows(OptionException.class, () -> ServerOptions.defaults().withHost(" "));
        assertThrows(OptionException.class, () -> ServerOptions.defaults().with(ServerOptions.WORKER_MODE, Mode.CLUSTER));
    }

    @Test
    void aServerJvmsArgumentsKeepTheirFormAndRoundTrip() {
        ServerOptions options = ServerOptions.parse(NOT_DEFAULT);
        List<String> worker = ServerArgs.worker(options, 2).toArgs();
        assertEquals("workerId=2", worker.get(0), "first, so a short listing of processes still shows it");
        assertEquals(options.toArgs(), worker.subList(1, worker.size()));
        assertEquals(new ServerArgs(options, 2, false), ServerArgs.fromArgs(worker.toArray(String[]::new)));
        List<String> harness = new ServerArgs(options, 0, true).toArgs();
        assertEquals("exitWithStdin=true", harness.get(harness.size() - 1));
        assertEquals(new ServerArgs(options, 0, true), ServerArgs.fromArgs(harness.toArray(String[]::new)));
        assertThrows(OptionException.class, () -> ServerArgs.fromArgs("workerId=0"));
        assertThrows(OptionException.class, () -> ServerArgs.fromArgs("mode"));
    }

    @Test
    void anUnknownOptionSuggestsTheNearestNameAndStillListsTheValidOnes() {
        OptionException close = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of("treads", "8")));
        assertTrue(close.getMessage().endsWith("; did you mean -Dthreads?"), close.getMessage());
        OptionException swapped = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of("mdoe", "x")));
        assertTrue(swapped.getMessage().endsWith("did you mean -Dmode?"), swapped.getMessage());
        OptionException far = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of("colour", "red")));
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
        assertTrue(far.getMessage().startsWith("unknown option 'colour'; valid options: mode, workerMode, host"),
                far.getMessage());
    }

    @Test
    void whereAnOptionAppliesIsDeclaredWithIt() {
        assertTrue(ServerOptions.THREADS.appliesTo(Mode.PLATFORM));
        assertFalse(ServerOptions.THREADS.appliesTo(Mode.VIRTUAL));
        assertTrue(ServerOptions.WORKERS.appliesTo(Mode.CLUSTER));
        assertFalse(ServerOptions.BALANCE.appliesTo(Mode.SINGLE));
        assertTrue(ServerOptions.COUNTER.fits(CounterStore.PRIMARY, Mode.CLUSTER));
        assertFalse(ServerOptions.COUNTER.fits(CounterStore.PRIMARY, Mode.OFFLOAD));
        assertTrue(ServerOptions.COUNTER.fits(CounterStore.REDIS, Mode.OFFLOAD));
        OptionException e = assertThrows(OptionException.class,
                () -> ServerOptions.parse(Map.of("counter", "primary")).checkFitsMode());
        assertTrue(e.getMessage().startsWith("counter=primary keeps the count in a cluster's primary, and mode=single"
                + " has no primary"), e.getMessage());
    }
}
