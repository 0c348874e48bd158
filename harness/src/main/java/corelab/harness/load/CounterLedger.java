package corelab.harness.load;

import java.util.BitSet;

/**
 * What the {@code counter} answers of one server added up to, over its whole life: the
 * check before the load, every warmup and every trial. A count shared correctly hands out
 * 1, 2, 3, ... once each, so after N answers the highest count is N and no value came twice;
 * a cluster whose workers count for themselves hands out each small value once per worker,
 * and its highest count is about N divided by the workers.
 *
 * <p>Fed by the load generator's sampler (never on its hot path) and by the one check, so
 * a lock costs nothing here. Repeats are judged for counts up to {@link #TRACKED_COUNTS}
 * (a bit each: at most 8 MB); a count above is counted but not checked for repeats.
 */
public final class CounterLedger {
    static final int TRACKED_COUNTS = 1 << 26;

    private final BitSet seen = new BitSet();
    private long answers;
    private long highestCount;
    private long repeatedCounts;

    /** One answer's count. */
    public synchronized void record(long count) {
        answers++;
        highestCount = Math.max(highestCount, count);
        if (count < TRACKED_COUNTS) {
            if (seen.get((int) count)) {
                repeatedCounts++;
            } else {
                seen.set((int) count);
            }
        }
    }

    synchronized void record(long[] counts, int length) {
        for (int i = 0; i < length; i++) {
            record(counts[i]);
        }
    }

    /** Correct {@code counter} answers so far: requests the server counted and answered. */
    public synchronized long answers() {
        return answers;
    }

    /** The highest count any answer carried. */
    public synchronized long highestCount() {
        return highestCount;
    }

    /** Answers whose count an earlier answer had carried already: 0 for a count shared correctly. */
    public synchronized long repeatedCounts() {
        return repeatedCounts;
    }
}
