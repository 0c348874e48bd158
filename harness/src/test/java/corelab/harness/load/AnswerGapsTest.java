package corelab.harness.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerGapsTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void keepsSilencesOfTenMillisecondsOrMoreBetweenAnswersOfAnyThread() {
        AnswerGaps gaps = new AnswerGaps(0);
        gaps.answered(5 * MS);    // 5 ms after the start: too short to keep
        gaps.answered(40 * MS);   // 35 ms of silence
        gaps.answered(39 * MS);   // another thread's answer, read a moment late: no silence went backwards
        gaps.answered(45 * MS);
        assertEquals(List.of(new AnswerGaps.Gap(5 * MS, 40 * MS)), gaps.until(50 * MS));
        // the silence still going on is included, to now
        assertEquals(List.of(new AnswerGaps.Gap(5 * MS, 40 * MS), new AnswerGaps.Gap(45 * MS, 300 * MS)),
                gaps.until(300 * MS));
    }

    @Test
    void memoryIsBoundedTheOldestSilencesGoFirst() {
        AnswerGaps gaps = new AnswerGaps(0);
        for (int i = 1; i <= AnswerGaps.MAX_KEPT + 10; i++) {
            gaps.answered(i * 20 * MS);
        }
        List<AnswerGaps.Gap> kept = gaps.until((AnswerGaps.MAX_KEPT + 10) * 20 * MS);
        assertEquals(AnswerGaps.MAX_KEPT, kept.size());
        assertEquals(new AnswerGaps.Gap(10 * 20 * MS, 11 * 20 * MS), kept.get(0));
    }
}
