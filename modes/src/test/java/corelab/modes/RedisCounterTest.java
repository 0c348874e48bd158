package corelab.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.modes.counter.RedisCounter;
import corelab.modes.counter.RedisServer;
import corelab.modes.options.ServerOptions;
import corelab.modes.process.JvmCommand;
import corelab.modes.wire.ReadyLine;
import corelab.testkit.Eventually;
import corelab.testkit.Http;
import corelab.testkit.ProcessGone;
import corelab.workloads.WorkloadRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * {@code counter=redis} with Debian's redis-server, started by the server itself: the count
 * is exact in every mode, and no redis-server outlives its server, however the server ends.
 * Without redis-server these tests are skipped, unless {@code CORELAB_REQUIRE_REDIS=true}
 * (as CI sets it), when a missing redis-server fails them.
 */
@Tag("slow")
class RedisCounterTest {
    private static final long WAIT_SECONDS = Eventually.PATIENCE.toSeconds();

    @BeforeEach
    void redisIsInstalled() {
        boolean required = "true".equals(System.getenv("CORELAB_REQUIRE_REDIS"));
        if (required) {
            assertTrue(RedisServer.installed().isPresent(),
                    "CORELAB_REQUIRE_REDIS is set but redis-server is missing: " + RedisServer.INSTALL);
        }
        assumeTrue(RedisServer.installed().isPresent(), "no redis-server (" + RedisServer.INSTALL + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "platform", "virtual", "offload"})
    void threadsOfOneProcessCountExactlyInRedis(String mode) throws Exception {
        List<Long> before = redisServers();
        CounterTest.assertExact(CounterTest.countWith(Map.of("mode", mode, "threads", "32", "counter", "redis")));
        assertNoNewRedisLeft(before);
    }

    @Test
    void aClusterCountingInRedisCountsExactly() throws Exception {
        List<Long> before = redisServers();
        CounterTest.assertExact(CounterTest.countWith(Map.of("mode", "cluster", "workers", "2", "counter", "redis")));
        assertNoNewRedisLeft(before);
    }

    @Test
    void aRedisGivenByPortIsUsedAndItsCountStartsAgain() throws Exception {
        try (RedisServer redis = RedisServer.start("127.0.0.1")) {
            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                jedis.set(RedisCounter.KEY, "41");
            }
            List<Long> before = redisServers();
            ServerOptions options = ServerOptions.parse(Map.of("mode", "single", "port", "0", "counter", "redis",
                    "redisPort", Integer.toString(redis.port())));
            try (RunningServer server = RunningServer.start(options, 0, System.out)) {
                assertEquals(before, redisServers(), "a server given a Redis starts none");
                assertEquals(1, WorkloadRequest.countIn(Http.get(server.address(), "/counter").body()));
                assertEquals(2, WorkloadRequest.countIn(Http.get(server.address(), "/counter").body()));
            }
            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                assertEquals("2", jedis.get(RedisCounter.KEY));
            }
            long pid = redis.pid();
            redis.close();
            assertTrue(ProcessGone.await(pid), "redis-server " + pid + " outlived close()");
        }
    }

    @Test
    void redisServerDiesWithAServerKilledBySigkill() throws Exception {
        Process server = new ProcessBuilder(JvmCommand.forMain(ServerMain.class, List.of(),
                List.of("mode=single", "port=0", "counter=redis")))
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); ; line = lines.readLine()) {
                assertTrue(line != null, "the server ended before it was ready");
                if (ReadyLine.parse(line).isPresent()) {
                    break;
                }
            }
            List<Long> redis = server.descendants().filter(RedisCounterTest::isRedis).map(ProcessHandle::pid).toList();
            assertEquals(1, redis.size(), "one redis-server under the server: " + redis);
            server.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
            server.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(ProcessGone.await(redis.get(0)), "redis-server " + redis.get(0) + " outlived its server's SIGKILL");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void redisPortOfNothingIsOneClearMessage() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerOptions options = ServerOptions.parse(Map.of("mode", "single", "port", "0", "counter", "redis",
                "redisPort", Integer.toString(closedPort)));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> RunningServer.start(options, 0, System.out).close());
        assertTrue(e.getMessage().startsWith("counter=redis: cannot reach Redis at 127.0.0.1:" + closedPort), e.getMessage());
    }

    /** The redis-servers running under this JVM, whoever started them. */
    private static List<Long> redisServers() {
        return ProcessHandle.current().descendants().filter(RedisCounterTest::isRedis).map(ProcessHandle::pid).sorted().toList();
    }

    /** Redis renames itself ("redis-server 127.0.0.1:port"), and Debian's binary is a link to redis-check-rdb. */
    private static boolean isRedis(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.startsWith("redis-server")).orElse(false)
                || process.info().command().map(command -> command.endsWith("/redis-server")
                        || command.endsWith("/redis-check-rdb")).orElse(false);
    }

    private static void assertNoNewRedisLeft(List<Long> before) throws InterruptedException {
        for (long pid : redisServers()) {
            if (!before.contains(pid)) {
                assertTrue(ProcessGone.await(pid), "redis-server " + pid + " outlived its server");
            }
        }
        assertFalse(redisServers().stream().anyMatch(pid -> !before.contains(pid)));
    }
}
