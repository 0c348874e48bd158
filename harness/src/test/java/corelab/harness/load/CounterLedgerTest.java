package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Http;
import corelab.workloads.WorkloadRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load generator against real servers on {@code /counter}: every count an answer carried
 * reaches the ledger, in-flight answers included, so a count shared correctly shows as exact
 * and local counts in a cluster as repeats.
 */
@Tag("slow")
class CounterLedgerTest {
    private static final RequestTemplate COUNTER =
            new RequestTemplate("/counter", WorkloadRequest.COUNTER_ANSWER_PREFIX, true);

    @Test
    void aSharedCountIsExactAndEveryIncrementReachesTheLedger() throws Exception {
        try (RunningServer server = start(Map.of("mode", "platform", "threads", "64"))) {
            CounterLedger ledger = load(server.address());
            assertEquals(0, ledger.repeatedCounts());
            assertEquals(ledger.answers(), ledger.highestCount());
            // Nothing the server counted went unseen, not even what was in flight when the load stopped.
            assertEquals(ledger.highestCount() + 1, countOnce(server.address()));
        }
    }

    @Test
    void localCountsInAClusterShowAsRepeats() throws Exception {
        try (RunningServer server = start(Map.of("mode", "cluster", "workers", "2", "counter", "local"))) {
            CounterLedger ledger = load(server.address());
            assertTrue(ledger.repeatedCounts() > 0, "no repeated count");
            assertTrue(ledger.highestCount() < ledger.answers(), ledger.highestCount() + " of " + ledger.answers());
        }
    }

    @Test
    void aClusterCountingInItsPrimaryIsExact() throws Exception {
        try (RunningServer server = start(Map.of("mode", "cluster", "workers", "2", "counter", "primary"))) {
            CounterLedger ledger = load(server.address());
            assertEquals(0, ledger.repeatedCounts());
            assertEquals(ledger.answers(), ledger.highestCount());
        }
    }

    @Test
    void theLedgerCountsRepeatsAndTheHighest() {
        CounterLedger ledger = new CounterLedger();
        ledger.record(new long[] {1, 2, 1, 3, 2}, 5);
        ledger.record(CounterLedger.TRACKED_COUNTS + 5L); // too high to judge: counted, not checked
        assertEquals(6, ledger.answers());
        assertEquals(CounterLedger.TRACKED_COUNTS + 5L, ledger.highestCount());
        assertEquals(2, ledger.repeatedCounts());
    }

    private static RunningServer start(Map<String, String> options) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("port", "0");
        return RunningServer.start(ServerOptions.parse(all), 0, System.out);
    }

    /** Closed load, 32 connections on 2 threads, sampled a few times, then closed. */
    private static CounterLedger load(InetSocketAddress server) throws Exception {
        CounterLedger ledger = new CounterLedger();
        try (LoadGenerator generator = new LoadGenerator(server, LoadTesting.closed(32, 2, 10_000), List.of(COUNTER),
                ledger)) {
            generator.start();
            long correct = 0;
            for (int i = 0; i < 4 || correct < 200; i++) {
                LoadTesting.sleepMillis(100);
                LoadInterval interval = generator.sample();
                assertEquals(0, interval.errors(), interval::toString);
                correct += interval.completed();
            }
        }
        LoadTesting.assertNoLoadThreadLeft();
        assertTrue(ledger.answers() >= 200, "answers: " + ledger.answers());
        return ledger;
    }

    private static long countOnce(InetSocketAddress server) throws Exception {
        return WorkloadRequest.countIn(Http.get(server, "/counter").body());
    }
}
