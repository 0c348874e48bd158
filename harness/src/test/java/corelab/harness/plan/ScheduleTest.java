package corelab.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.OptionException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void theShuffledOrderReproducesFromItsSeed() {
        List<List<Integer>> first = new Schedule(1234, 1, 1).order(15, 5);
        assertEquals(first, new Schedule(1234, 1, 1).order(15, 5));
        assertNotEquals(first, new Schedule(4321, 1, 1).order(15, 5), "another seed, another order");
        // a seed read back from results.json gives the same order as the run's own
        Schedule drawn = new Schedule(0, 1, 1).drawn();
        assertTrue(drawn.seed() > 0);
        assertEquals(drawn.order(15, 5), new Schedule(drawn.seed(), 2, 0).order(15, 5));
    }

    @Test
    void everyRoundHoldsEveryConfigurationOnceInItsOwnOrder() {
        List<List<Integer>> order = new Schedule(7, 1, 1).order(15, 5);
        assertEquals(5, order.size());
        for (List<Integer> round : order) {
            assertEquals(IntStream.range(0, 15).boxed().toList(), round.stream().sorted().toList());
        }
        assertTrue(new HashSet<>(order).size() > 1, "rounds are shuffled afresh, not one order repeated");
    }

    @Test
    void forksSplitTheRoundsEvenly() {
        Schedule two = new Schedule(7, 2, 1);
        assertEquals(List.of(0, 0, 0, 1, 1), IntStream.range(0, 5).map(r -> two.fork(r, 5)).boxed().toList());
        Schedule five = new Schedule(7, 5, 1);
        assertEquals(List.of(0, 1, 2, 3, 4), IntStream.range(0, 5).map(r -> five.fork(r, 5)).boxed().toList());
        Schedule one = new Schedule(7, 1, 1);
        assertEquals(List.of(0, 0, 0), IntStream.range(0, 3).map(r -> one.fork(r, 3)).boxed().toList());
    }

    @Test
    void aGivenSeedIsKeptAndMoreForksThanTrialsAreRefused() {
        Schedule given = new Schedule(99, 1, 1);
        assertEquals(given, given.drawn());
        OptionException e = assertThrows(OptionException.class,
                () -> BenchmarkOptions.parse(Map.of("forks", "6", "trials", "5")));
        assertTrue(e.getMessage().contains("-Dforks=6"), e.getMessage());
    }
}
