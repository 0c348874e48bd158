package corelab.workloads;

import java.nio.charset.StandardCharsets;

/**
 * The backend's wire protocol, one line each way: the client sends
 * {@code "<delayMillis> <token>\n"}, and after that delay the backend answers
 * {@code "<token>\n"}. A connection carries any number of such exchanges, one at a time.
 */
public final class BackendProtocol {
    /** Longest line either side accepts; anything longer is a protocol error. */
    public static final int MAX_LINE_BYTES = 64;

    private BackendProtocol() {
    }

    public static byte[] request(int delayMillis, long token) {
        return (delayMillis + " " + token + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] response(long token) {
        return (token + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses a request line (without its newline) into {delayMillis, token}. */
    public static long[] parseRequest(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("backend request must be '<delayMillis> <token>', was '" + line + "'");
        }
        try {
            long delay = Long.parseLong(line.substring(0, space));
            long token = Long.parseLong(line.substring(space + 1));
            WorkloadSettings.checkDelay((int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, delay)));
            return new long[] {delay, token};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("backend request must be '<delayMillis> <token>', was '" + line + "'");
        }
    }

    /** Parses a response line (without its newline) and checks that it echoes {@code token}. */
    public static void checkResponse(String line, long token) {
        if (!line.equals(Long.toString(token))) {
            throw new IllegalStateException("backend answered '" + line + "' to token " + token);
        }
    }
}
