package corelab.harness.load;

import corelab.results.ConnectionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How the answers were shared among the connections, and how long each connection went unanswered:
 * the per-connection view that throughput and percentiles average away. A server may serve one
 * connection request after request while another waits seconds; the histograms then show a tail,
 * and this shows whose.
 *
 * <p>Each connection's {@link Tally} is written only by the generator thread that drives the
 * connection (one writer, no lock: plain arithmetic and volatile stores), and read by the sampler.
 * Counting starts afresh at {@link #countFrom}: a trial's start, set by the sampler; each writer
 * notices the new start at its connection's next answer and starts again from zero itself, so no
 * field ever has two writers.
 */
public final class ConnectionShares {
    private final Tally[] tallies;
    private volatile long fromNanos; // the sampler's; on the LoadPlan clock

    ConnectionShares(int connections, long fromNanos) {
        this.tallies = new Tally[connections];
        for (int i = 0; i < connections; i++) {
            tallies[i] = new Tally(this);
        }
        this.fromNanos = fromNanos;
    }

    Tally of(int connection) {
        return tallies[connection];
    }

    /** Sampler: count every connection's answers and silences from {@code nowNanos} (LoadPlan clock) on. */
    void countFrom(long nowNanos) {
        fromNanos = nowNanos;
    }

    /**
     * Sampler: each connection's answers and longest silence from the start of counting to {@code nowNanos}
     * (LoadPlan clock), a silence still going on included. Read while the writers go on: a figure may
     * include an answer or two that came while the others were being read.
     */
    List<ConnectionResult> until(long nowNanos) {
        long from = fromNanos;
        List<ConnectionResult> shares = new ArrayList<>(tallies.length);
        for (int i = 0; i < tallies.length; i++) {
            shares.add(tallies[i].share(i, from, nowNanos));
        }
        return shares;
    }

    /**
     * One connection. A silence is the time the connection waited with a request out and no answer:
     * it starts when a request is sent after an answer (or at the start of counting, whichever is
     * later) and ends at the next correct answer. In closed load, where the next request goes out as
     * soon as the answer comes, that is the time between two answers.
     */
    static final class Tally {
        private static final long NOT_WAITING = Long.MIN_VALUE;
        private final ConnectionShares shares;
        // written by the connection's generator thread only
        private volatile long countingFromNanos = Long.MIN_VALUE; // the start these figures count from
        private volatile long answers;
        private volatile long longestSilenceNanos;
        private volatile long silentSinceNanos = NOT_WAITING;

        private Tally(ConnectionShares shares) {
            this.shares = shares;
        }

        /** Writer: a request went out at {@code nowNanos}; a silence starts unless one is already going on. */
        void sent(long nowNanos) {
            if (silentSinceNanos == NOT_WAITING) {
                silentSinceNanos = nowNanos;
            }
        }

        /** Writer: a correct answer came at {@code nowNanos}, which ends the silence. */
        void answered(long nowNanos) {
            long from = shares.fromNanos;
            if (countingFromNanos != from) { // a new trial: start again, before saying so
                answers = 0;
                longestSilenceNanos = 0;
                countingFromNanos = from;
            }
            if (nowNanos >= from) { // an answer from before the start belongs to no trial
                answers = answers + 1; // one writer: no lost update
                longestSilenceNanos = Math.max(longestSilenceNanos, nowNanos - Math.max(silentSinceNanos, from));
            }
            silentSinceNanos = NOT_WAITING;
        }

        /** Sampler: the figures counted from {@code from}, with the silence going on at {@code nowNanos}. */
        private ConnectionResult share(int connection, long from, long nowNanos) {
            boolean counting = countingFromNanos == from; // read first: the writer sets it after resetting
            long answered = counting ? answers : 0;
            long longest = counting ? longestSilenceNanos : 0;
            long silentSince = silentSinceNanos;
            if (silentSince != NOT_WAITING) {
                longest = Math.max(longest, nowNanos - Math.max(silentSince, from));
            }
            return new ConnectionResult(connection, answered, Math.max(0, longest) / 1e6);
        }
    }
}
