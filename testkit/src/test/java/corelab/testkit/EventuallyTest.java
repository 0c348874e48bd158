package corelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    @Test
    void aConditionThatHoldsEndsTheWait() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        assertTrue(Eventually.within(Eventually.PATIENCE, () -> polls.incrementAndGet() >= 3));
        assertEquals(3, polls.get(), "polled until it held, and no more");
    }

    @Test
    void aConditionThatNeverHoldsIsFalseAtTheDeadline() throws Exception {
        assertFalse(Eventually.within(Duration.ofMillis(30), () -> false));
    }

    @Test
    void assertWithinFailsWithTheGivenMessage() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Eventually.assertWithin(Duration.ofMillis(30), () -> false, () -> "the thing never happened"));
        assertTrue(e.getMessage().startsWith("the thing never happened (waited "), e.getMessage());
    }

    @Test
    void whatTheConditionThrowsEndsTheWait() {
        IOException thrown = new IOException("broken");
        IOException e = assertThrows(IOException.class, () -> Eventually.within(Eventually.PATIENCE, () -> {
            throw thrown;
        }));
        assertSame(thrown, e);
    }
}
