package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The pause after failed accepts: short at first, doubling while they last, capped, small again after a success. */
class AcceptBackoffTest {
    private static final IOException EMFILE = new IOException("Too many open files");

    @Test
    void pausesDoubleUpToTheCapAndStartOverAfterASuccess() {
        AcceptBackoff backoff = new AcceptBackoff();
        long pause = AcceptBackoff.FIRST_PAUSE_MILLIS;
        for (int failure = 0; failure < 20; failure++) {
            assertEquals(pause, backoff.failed("test", EMFILE));
            pause = Math.min(AcceptBackoff.MAX_PAUSE_MILLIS, pause * 2);
        }
        assertEquals(AcceptBackoff.MAX_PAUSE_MILLIS, backoff.failed("test", EMFILE));

        backoff.succeeded();
        assertEquals(AcceptBackoff.FIRST_PAUSE_MILLIS, backoff.failed("test", EMFILE));
    }
}
