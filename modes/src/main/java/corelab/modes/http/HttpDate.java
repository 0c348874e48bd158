package corelab.modes.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's value (RFC 9110 6.6.1, IMF-fixdate), formatted once per second
 * and shared by every thread, so a response pays one clock read and one volatile read.
 */
final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Stamp(long epochSecond, String text) {
    }

    private static volatile Stamp current = format(Instant.now().getEpochSecond());

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.epochSecond() != second) {
            stamp = format(second); // racing threads format the same text; any one of them may win
            current = stamp;
        }
        return stamp.text();
    }

    private static Stamp format(long epochSecond) {
        return new Stamp(epochSecond, IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)));
    }
}
