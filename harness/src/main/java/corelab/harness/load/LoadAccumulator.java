package corelab.harness.load;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One generator thread's private, mutable accumulator. The thread writes on the hot path;
 * {@link LoadGenerator#sample()} takes an interval from another thread without ever stopping
 * it. This is how HdrHistogram's {@code Recorder} works, done once for the histograms and the
 * counters together: there are two {@link Tally}s, the thread writes into the active one, and
 * the sampler swaps them and waits, through a {@link WriterReaderPhaser}, until no write into
 * the old one is still under way. The writer never takes a lock, and every interval's counts
 * and histograms describe exactly the same requests.
 */
final class LoadAccumulator {
    /** Sixty seconds: anything slower is recorded as sixty seconds rather than lost. */
    static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    /** Shared by every thread's accumulator: silences are over all the answers, not one thread's. */
    private final AnswerGaps gaps;
    private volatile Tally active = new Tally();
    private Tally inactive = new Tally(); // the sampler's

    /** One interval of one thread; touched by one thread at a time, as the phaser guarantees. */
    private static final class Tally {
        final Histogram latency = newHistogram();
        final Histogram uncorrectedLatency = newHistogram();
        long sent;
        long wrongAnswers;
        long statusErrors;
        long timeouts;
        long connectionErrors;
        long[] counts = new long[64]; // counter answers' counts, for the ledger
        int countsLength;

        void reset() {
            latency.reset();
            uncorrectedLatency.reset();
            sent = wrongAnswers = statusErrors = timeouts = connectionErrors = 0;
            countsLength = 0;
        }
    }

    LoadAccumulator(AnswerGaps gaps) {
        this.gaps = gaps;
    }

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    // ---- called by the generator thread only

    void countSent() {
        long phase = phaser.writerCriticalSectionEnter();
        active.sent++;
        phaser.writerCriticalSectionExit(phase);
    }

    /**
     * A correct answer: {@code latencyNanos} from when it was due (closed: sent), {@code uncorrectedNanos} from
     * when it was sent, arrived at {@code answeredAtNanos} ({@link System#nanoTime()}).
     */
    void recordCorrect(long latencyNanos, long uncorrectedNanos, long answeredAtNanos) {
        gaps.answered(answeredAtNanos);
        long phase = phaser.writerCriticalSectionEnter();
        Tally tally = active;
        tally.latency.recordValue(micros(latencyNanos));
        tally.uncorrectedLatency.recordValue(micros(uncorrectedNanos));
        phaser.writerCriticalSectionExit(phase);
    }

    /** The count a correct {@code counter} answer carried, after its {@link #recordCorrect}. */
    void recordCount(long count) {
        long phase = phaser.writerCriticalSectionEnter();
        Tally tally = active;
        if (tally.countsLength == tally.counts.length) {
            tally.counts = Arrays.copyOf(tally.counts, tally.counts.length * 2);
        }
        tally.counts[tally.countsLength++] = count;
        phaser.writerCriticalSectionExit(phase);
    }

    void countWrongAnswer() {
        long phase = phaser.writerCriticalSectionEnter();
        active.wrongAnswers++;
        phaser.writerCriticalSectionExit(phase);
    }

    void countStatusError() {
        long phase = phaser.writerCriticalSectionEnter();
        active.statusErrors++;
        phaser.writerCriticalSectionExit(phase);
    }

    void countTimeout() {
        long phase = phaser.writerCriticalSectionEnter();
        active.timeouts++;
        phaser.writerCriticalSectionExit(phase);
    }

    void countConnectionError() {
        long phase = phaser.writerCriticalSectionEnter();
        active.connectionErrors++;
        phaser.writerCriticalSectionExit(phase);
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(nanos / 1000, HIGHEST_TRACKABLE_MICROS));
    }

    // ---- called by the sampler

    /**
     * Ends this thread's interval: adds its correct answers to the two histograms, and the
     * counts of its {@code counter} answers to {@code ledger} (if there is one), and returns
     * its counts; the thread goes on writing into a fresh interval.
     */
    LoadCounts drainInto(Histogram latencyTotal, Histogram uncorrectedLatencyTotal, CounterLedger ledger) {
        phaser.readerLock();
        try {
            Tally ended = active;
            inactive.reset();
            active = inactive;
            inactive = ended;
            phaser.flipPhase(); // returns once no write into the ended tally is under way
            latencyTotal.add(ended.latency);
            uncorrectedLatencyTotal.add(ended.uncorrectedLatency);
            if (ledger != null) {
                ledger.record(ended.counts, ended.countsLength);
            }
            return new LoadCounts(ended.sent, ended.wrongAnswers, ended.statusErrors, ended.timeouts,
                    ended.connectionErrors);
        } finally {
            phaser.readerUnlock();
        }
    }
}
