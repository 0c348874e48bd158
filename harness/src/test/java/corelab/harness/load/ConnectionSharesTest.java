package corelab.harness.load;

import static corelab.harness.load.LoadTesting.assertNoLoadThreadLeft;
import static corelab.harness.load.LoadTesting.closed;
import static corelab.harness.load.LoadTesting.sleepMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.ConnectionResult;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each connection's share of the answers and its longest silence, against servers over real sockets. */
class ConnectionSharesTest {
    private static final List<RequestTemplate> REQUEST = List.of(new RequestTemplate("/any", HoldingServer.BODY));
    private static final long HOLD_MILLIS = 400;

    @AfterEach
    void noThreadLeftBehind() {
        assertNoLoadThreadLeft();
    }

    @Test
    void aConnectionWhoseAnswersAreHeldBackIsSilentLongAndGetsASmallShare() throws IOException {
        try (HoldingServer server = new HoldingServer(Set.of(1), HOLD_MILLIS);
             LoadGenerator load = new LoadGenerator(server.address(), closed(2, 1, 5000), REQUEST)) {
            load.start();
            long from = System.nanoTime();
            load.countConnectionsFrom(from);
            sleepMillis(3 * HOLD_MILLIS);
            long now = System.nanoTime();
            List<ConnectionResult> shares = load.connectionShares(now);

            assertEquals(2, shares.size(), shares.toString());
            ConnectionResult fast = shares.get(0);
            ConnectionResult held = shares.get(1);
            assertEquals(List.of(0, 1), shares.stream().map(ConnectionResult::connection).toList());
            // the held connection waits HOLD_MILLIS for each answer: at most one answer per hold, and a silence that long
            assertTrue(held.answers() <= 3, shares.toString());
            assertTrue(held.longestSilenceMillis() >= HOLD_MILLIS / 2.0, shares.toString());
            assertTrue(fast.answers() > 10 * Math.max(1, held.answers()), shares.toString());
            assertTrue(fast.longestSilenceMillis() < held.longestSilenceMillis(), shares.toString());
            // no silence is longer than the counting went on
            shares.forEach(s -> assertTrue(s.longestSilenceMillis() <= (now - from) / 1e6, shares.toString()));
        }
    }

    @Test
    void aFairServerGivesEveryConnectionAShare() throws IOException {
        int connections = 4;
        try (HoldingServer server = new HoldingServer(Set.of(), 0);
             LoadGenerator load = new LoadGenerator(server.address(), closed(connections, 2, 5000), REQUEST)) {
            load.start();
            load.countConnectionsFrom(System.nanoTime());
            sleepMillis(500);
            List<ConnectionResult> shares = load.connectionShares(System.nanoTime());

            long total = shares.stream().mapToLong(ConnectionResult::answers).sum();
            assertTrue(total > 20 * connections, shares.toString());
            // a thread per connection, answering at once: none gets less than half its fair share
            shares.forEach(s -> assertTrue(s.answers() * connections * 2 >= total, shares.toString()));
        }
    }

    @Test
    void countingStartsAfreshAndASilenceCountsFromTheStartOfCounting() throws IOException {
        try (SilentServer silent = new SilentServer();
             LoadGenerator load = new LoadGenerator(silent.address(), closed(2, 1, 60_000), REQUEST)) {
            load.start();
            sleepMillis(200); // every connection has a request out, unanswered, from before counting starts
            long from = System.nanoTime();
            load.countConnectionsFrom(from);
            sleepMillis(100);
            long now = System.nanoTime();
            for (ConnectionResult share : load.connectionShares(now)) {
                assertEquals(0, share.answers(), share.toString());
                assertEquals((now - from) / 1e6, share.longestSilenceMillis(), share.toString());
            }
        }
    }

    @Test
    void theViewNeedsAStart() {
        LoadGenerator load = new LoadGenerator(new java.net.InetSocketAddress("127.0.0.1", 1), closed(1, 1, 100), REQUEST);
        assertThrows(IllegalStateException.class, () -> load.connectionShares(System.nanoTime()));
        assertThrows(IllegalStateException.class, () -> load.countConnectionsFrom(System.nanoTime()));
        load.close();
    }
}
