package corelab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for something a test cannot make happen at a known moment: a process to exit, a
 * line to be printed, a thread to end. It polls the condition until it holds or a generous
 * deadline passes. The deadline only keeps a broken test from hanging; nothing here measures
 * or asserts how long anything took.
 */
public final class Eventually {
    /** How long a test waits for what should happen at once on an idle machine; generous for a loaded one. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The first pause between polls; it doubles up to {@link #LONGEST_POLL_MILLIS}, so a quick condition is seen quickly. */
    private static final long FIRST_POLL_MILLIS = 5;
    private static final long LONGEST_POLL_MILLIS = 100;

    /** A condition to poll; it may throw, which ends the wait with that exception. */
    @FunctionalInterface
    public interface Condition<E extends Exception> {
        boolean holds() throws E;
    }

    private Eventually() {
    }

    /** True once {@code condition} holds; false if it still does not after {@code timeout}. */
    public static <E extends Exception> boolean within(Duration timeout, Condition<E> condition)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = FIRST_POLL_MILLIS;
        while (!condition.holds()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(pauseMillis);
            pauseMillis = Math.min(2 * pauseMillis, LONGEST_POLL_MILLIS);
        }
        return true;
    }

    /** Returns once {@code condition} holds; fails with {@code failure}'s message if it still does not after {@code timeout}. */
    public static <E extends Exception> void assertWithin(Duration timeout, Condition<E> condition,
                                                          Supplier<String> failure) throws E, InterruptedException {
        if (!within(timeout, condition)) {
            fail(failure.get() + " (waited " + timeout.toSeconds() + " s)");
        }
    }
}
