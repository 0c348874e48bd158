package corelab.harness.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The silences between correct answers, over all generator threads together: how long nothing was
 * answered, to the time each answer arrived rather than to the interval it fell in (a 100 ms bucket
 * can be short of the truth by up to two buckets). Only silences of at least {@link #SHORTEST_NANOS}
 * are kept, at most {@link #MAX_KEPT} of them, the oldest dropped first: memory stays bounded however
 * long the load runs, and an outage is never that short or that frequent.
 */
public final class AnswerGaps {
    /** 10 ms: a silence shorter than this is a busy moment, not an outage. */
    static final long SHORTEST_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final int MAX_KEPT = 4096;

    /** A silence: the last correct answer before it and the first after it ({@link System#nanoTime()}). */
    public record Gap(long fromNanos, long toNanos) {
        public long nanos() {
            return toNanos - fromNanos;
        }
    }

    private final AtomicLong lastAnswerNanos;
    private final Deque<Gap> kept = new ArrayDeque<>();

    AnswerGaps(long startNanos) {
        this.lastAnswerNanos = new AtomicLong(startNanos);
    }

    /** A correct answer arrived at {@code nowNanos}; any generator thread, on its hot path. */
    void answered(long nowNanos) {
        long previous = lastAnswerNanos.getAndAccumulate(nowNanos, Math::max);
        if (nowNanos - previous >= SHORTEST_NANOS) {
            synchronized (kept) {
                if (kept.size() == MAX_KEPT) {
                    kept.removeFirst();
                }
                kept.addLast(new Gap(previous, nowNanos));
            }
        }
    }

    /**
     * The silences kept, oldest first, and the one still going on at {@code nowNanos} (to now) if it is
     * long enough to keep.
     */
    public List<Gap> until(long nowNanos) {
        List<Gap> gaps;
        synchronized (kept) {
            gaps = new ArrayList<>(kept);
        }
        long last = lastAnswerNanos.get();
        if (nowNanos - last >= SHORTEST_NANOS) {
            gaps.add(new Gap(last, nowNanos));
        }
        return gaps;
    }
}
