package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which processes of a server's tree are downstream services, by their short command. */
class ProcessSampleTest {
    @Test
    void aRedisServerInTheTreeIsDownstreamAndTheServersOwnProcessesAreNot() {
        // redis-server rewrites its command line to its title; either form is downstream
        assertTrue(ProcessSample.downstreamService("redis-server 127.0.0.1:40123"));
        assertTrue(ProcessSample.downstreamService("/usr/bin/redis-server"));
        assertFalse(ProcessSample.downstreamService("java corelab.modes.ServerMain mode=cluster counter=redis"));
        assertFalse(ProcessSample.downstreamService("nginx: master process nginx -c /tmp/x/nginx.conf"));
        assertFalse(ProcessSample.downstreamService("sh -c exec 3<&0 ... corelab-child redis-server"));
        assertFalse(new ProcessSample(7, 1, "node servers/node/server.js", 1, 1, 1).downstreamService());
    }
}
