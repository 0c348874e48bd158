package corelab.microbenchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Two threads that pass a ball back and forth: each waits, parked, until the ball is its own,
 * then hands it over and wakes the other ({@link LockSupport#unpark}). Every pass is one
 * park and one unpark, with nothing else in between: no queue, no lock, no spinning.
 */
final class Rally {
    /** Even: the first player has the ball; odd: the second. Only the player holding it writes it. */
    private volatile long passes;
    private Thread first;
    private Thread second;

    private Rally() {
    }

    /**
     * Starts two threads of {@code kind}, lets them make {@code roundTrips} round trips
     * (two passes each) and returns once both have ended, with the passes made.
     */
    static long play(Thread.Builder kind, int roundTrips) throws InterruptedException {
        Rally rally = new Rally();
        // Both threads exist before either starts, so each knows whom to wake.
        rally.first = kind.unstarted(() -> rally.player(0, rally.second, roundTrips));
        rally.second = kind.unstarted(() -> rally.player(1, rally.first, roundTrips));
        rally.second.start();
        rally.first.start();
        rally.first.join();
        rally.second.join();
        return rally.passes;
    }

    private void player(int parity, Thread other, int roundTrips) {
        for (int i = 0; i < roundTrips; i++) {
            while ((passes & 1) != parity) {
                LockSupport.park(this); // may return early (a spurious wake-up): look again
            }
            passes = passes + 1; // need not be atomic: the other player writes only once this write gives it the ball
            LockSupport.unpark(other);
        }
    }
}
