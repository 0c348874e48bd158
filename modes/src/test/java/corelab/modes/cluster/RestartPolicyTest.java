package corelab.modes.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Balance;
import corelab.modes.options.ServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
    private static final Duration QUICK_CRASH = Duration.ofMillis(50);

    @Test
    void delaysDoubleUpToTheCapThenItGivesUp() {
        RestartPolicy.Backoff backoff = RestartPolicy.DEFAULT.backoff();
        List<Long> delaysMillis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delaysMillis.add(backoff.afterCrash(QUICK_CRASH).orElseThrow().toMillis());
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L, 10_000L), delaysMillis);
        assertEquals(Optional.empty(), backoff.afterCrash(QUICK_CRASH), "the 11th crash in a row is a crash loop");
    }

    @Test
    void aWorkerThatStayedUpForTheStablePeriodStartsTheDelaysAgain() {
        RestartPolicy.Backoff backoff = RestartPolicy.DEFAULT.backoff();
        backoff.afterCrash(QUICK_CRASH);
        backoff.afterCrash(QUICK_CRASH);
        assertEquals(Duration.ofMillis(400), backoff.afterCrash(QUICK_CRASH).orElseThrow());
        assertEquals(Duration.ofMillis(100), backoff.afterCrash(Duration.ofSeconds(30)).orElseThrow());
        assertEquals(Duration.ofMillis(200), backoff.afterCrash(QUICK_CRASH).orElseThrow());
        assertEquals(2, backoff.unstableRestarts());
    }

    @Test
    void zeroUnstableRestartsGivesUpAtTheFirstCrash() {
        RestartPolicy never = new RestartPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 0);
        assertTrue(never.backoff().afterCrash(QUICK_CRASH).isEmpty());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), 3));
    }

    @Test
    void theRestartOptionsArePm2sAndMakeTheClusterRestartPolicy() {
        assertEquals(new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30), 10),
                RestartPolicy.of(ServerOptions.defaults()));
        assertEquals(RestartPolicy.DEFAULT, RestartPolicy.of(ServerOptions.defaults()));
        ServerOptions options = ServerOptions.parse(Map.of("maxRestarts", "2", "minUptimeMillis", "500",
                "restartDelayMillis", "10", "balance", "proxy"));
        assertEquals(new RestartPolicy(Duration.ofMillis(10), RestartPolicy.DEFAULT.maxDelay(), Duration.ofMillis(500), 2),
                RestartPolicy.of(options));
        assertEquals(Balance.PROXY, options.balance());
        assertEquals(Balance.KERNEL, ServerOptions.defaults().balance());
        assertEquals(options, ServerOptions.parse(options.toMap()));
    }
}
