package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.http.HttpLimits;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link NginxFront} does without running nginx: its configuration and its tidying. */
class NginxFrontTest {
    @Test
    void theDirectoryOfAPrimaryKilledBySigkillIsDeletedAndALiveOnesIsKept() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = Files.createTempDirectory(NginxFront.DIRECTORY_PREFIX);
        Files.writeString(dead.resolve(NginxFront.OWNER_FILE), Long.toString(finished.pid()));
        Files.createDirectories(dead.resolve("proxy"));
        Path live = Files.createTempDirectory(NginxFront.DIRECTORY_PREFIX);
        Files.writeString(live.resolve(NginxFront.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        try {
            NginxFront.deleteDirectoriesOfDeadPrimaries();
            assertFalse(Files.exists(dead), "a dead primary's directory is left");
            assertTrue(Files.exists(live.resolve(NginxFront.OWNER_FILE)), "a live primary's directory was deleted");
        } finally {
            Files.deleteIfExists(live.resolve(NginxFront.OWNER_FILE));
            Files.deleteIfExists(live);
        }
    }

    @Test
    void theConfigurationProxiesTheClustersPortToEveryWorkerWithKeepAliveAndNoAccessLogAndTheWorkersLimits() {
        String config = NginxConfig.render(new InetSocketAddress("127.0.0.1", 8080),
                List.of(new InetSocketAddress("127.0.0.1", 40001), new InetSocketAddress("127.0.0.1", 40002)),
                Path.of("/tmp/corelab-nginx-test"), new HttpLimits(8192, 1_000_000, 10_000));
        for (String expected : List.of("daemon off;", "listen 127.0.0.1:8080 ", "server 127.0.0.1:40001 ",
                "server 127.0.0.1:40002 ", "keepalive 64;", "access_log off;", "pid /tmp/corelab-nginx-test/nginx.pid;",
                "proxy_temp_path /tmp/corelab-nginx-test/proxy;", "proxy_http_version 1.1;",
                "client_max_body_size 1000000;", "keepalive_timeout 5000ms;", "client_header_timeout 10000ms;",
                "client_body_timeout 60000ms;", "send_timeout 60000ms;", "server_name corelab;")) {
            assertTrue(config.contains(expected), "missing '" + expected + "' in:\n" + config);
        }
    }

    /** Two connections per proxied client (the client's and the upstream one), plus the keep-alive cache and a margin. */
    @Test
    void nginxMayOpenTwoConnectionsPerClientCorelabsCapAdmitsAndItsKeepAliveCacheBesides() {
        HttpLimits limits = new HttpLimits(8192, 1_000_000, 10_000, 10_000, 60_000, 60_000, 300);
        String config = NginxConfig.render(new InetSocketAddress("127.0.0.1", 8080),
                List.of(new InetSocketAddress("127.0.0.1", 40001)), Path.of("/tmp/corelab-nginx-test"), limits, 0);
        long connections = NginxConfig.workerConnections(limits, 0);
        assertTrue(config.contains("worker_connections " + connections + ";"), config);
        assertTrue(config.contains("keepalive " + NginxConfig.UPSTREAM_KEEPALIVE + ";"), config);
        assertTrue(connections >= 2 * 300 + NginxConfig.UPSTREAM_KEEPALIVE, "room for every admitted client: "
                + connections);
        assertTrue(connections <= 2 * 300 + NginxConfig.UPSTREAM_KEEPALIVE + 100, "a margin, not a second cap: "
                + connections);
        assertTrue(NginxConfig.workerConnections(new HttpLimits(8192, 0, 1, 1, 1, 1, 1), 0)
                > 2 + NginxConfig.UPSTREAM_KEEPALIVE, "even a cap of one leaves nginx its own connections");
        assertEquals(500, NginxConfig.workerConnections(limits, 500), "never beyond the open files nginx may have");
        assertEquals(connections, NginxConfig.workerConnections(limits, 1_000_000));
    }

    @Test
    void noBodyAtAllIsOneByteForNginxWhoseZeroMeansNoLimit() {
        HttpLimits noBody = new HttpLimits(8192, 0, 1);
        assertEquals(1, NginxConfig.bodyLimitBytes(noBody));
        assertEquals(1, NginxConfig.upstreamIdleMillis(noBody), "nginx needs a positive timeout");
    }
}
