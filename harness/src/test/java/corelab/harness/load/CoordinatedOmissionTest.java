package corelab.harness.load;

import static corelab.harness.load.LoadTesting.assertNoLoadThreadLeft;
import static corelab.harness.load.LoadTesting.mixedRequests;
import static corelab.harness.load.LoadTesting.sleepMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.testkit.Http;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Why the open model counts from the due time. A server that stalls for a second answers
 * only the few requests in flight late; the many requests that should have been sent during
 * the stall are sent afterwards and answered fast. Latency from the send (what a closed-loop
 * tool reports) hides the stall in its top percent; latency from the due time shows it.
 */
class CoordinatedOmissionTest {

    @Test
    void aStalledServerShowsInTheCorrectedLatencyButHidesFromTheUncorrected() throws Exception {
        try (RunningServer server = LoadTesting.startServer();
             LoadGenerator load = new LoadGenerator(server.address(),
                     new LoadSpec(new LoadModel.Open(200), 4, 1, 10_000), mixedRequests())) {
            load.start();
            sleepMillis(500);
            load.sample(); // warmup, discarded as the runner does
            sleepMillis(500);
            stallTheEventLoop(server.address()); // about a second of CPU work on the only server thread
            sleepMillis(1000);
            LoadInterval interval = load.sample();

            System.out.println("open model across a stall: " + interval);
            assertEquals(0, interval.errors(), interval.toString());
            long correctedP99 = interval.latencyMicros().getValueAtPercentile(99);
            long uncorrectedP99 = interval.uncorrectedLatencyMicros().getValueAtPercentile(99);
            assertTrue(correctedP99 > 3 * uncorrectedP99,
                    "corrected p99 " + correctedP99 + " us, uncorrected p99 " + uncorrectedP99 + " us");
        }
        assertNoLoadThreadLeft();
    }

    /** Sends one huge cpu request on a plain socket and waits for its answer, i.e. for the stall to end. */
    private static void stallTheEventLoop(InetSocketAddress address) throws IOException {
        Http.Response answer = Http.get(address, "/cpu?seed=1&iterations=250000000");
        assertTrue(answer.statusLine().startsWith("HTTP/1.1 200"), answer.toString());
    }
}
