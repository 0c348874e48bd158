package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    private final ArrivalSchedule schedule = new ArrivalSchedule(1e9 / 300, 4); // 300/s over 4 connections

    @Test
    void connectionsInterleaveIntoOneEvenlySpacedSequence() {
        List<Long> dues = new ArrayList<>();
        for (int connection = 0; connection < 4; connection++) {
            for (long number = 0; number < 25; number++) {
                dues.add(schedule.dueNanos(connection, number));
            }
        }
        Collections.sort(dues);
        for (int j = 0; j < dues.size(); j++) {
            assertEquals((long) (j * 1e9 / 300), dues.get(j), 1);
        }
        // each connection every C / rate seconds, offset by 1 / rate
        assertEquals((long) (4e9 / 300), schedule.dueNanos(0, 1) - schedule.dueNanos(0, 0), 1);
        assertEquals((long) (1e9 / 300), schedule.dueNanos(1, 0), 1);
    }

    @Test
    void dueCountsOfAdjacentIntervalsAddUpAndMatchTheDueTimes() {
        long second = 1_000_000_000L;
        assertEquals(300, schedule.dueBetween(0, second));
        long sum = 0;
        for (long from = 0; from < second; from += 7_777_777) {
            sum += schedule.dueBetween(from, Math.min(second, from + 7_777_777));
        }
        assertEquals(300, sum);
        long dueOfFifth = schedule.dueNanos(0, 1); // request j=4
        assertEquals(4, schedule.dueBetween(0, dueOfFifth));
        assertEquals(5, schedule.dueBetween(0, dueOfFifth + 1));
        assertTrue(schedule.dueBetween(0, 0) == 0);
    }
}
