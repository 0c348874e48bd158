package corelab.harness.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 answer as its bytes arrive, in pieces of any size, and compares the body
 * with the expected one on the fly, so a body is never copied or decoded. It keeps only what
 * the generator needs: the status, {@code Content-Length} (required: the generator does not
 * read chunked or read-until-close bodies) and whether the server will close the connection.
 *
 * <p>An answer that cannot be known in advance, a {@code counter}'s, is checked for its form
 * instead: the expected prefix, a positive decimal count (read on the fly too), a newline.
 *
 * <p>A malformed answer throws {@link IOException}: the rest of that connection's stream
 * cannot be trusted, so the connection is replaced like any other broken one.
 */
final class ResponseParser {
    /** The longest status or header line accepted; the servers under test send short ones. */
    static final int MAX_LINE_BYTES = 8 * 1024;

    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CLOSE = ascii("close");

    private enum Phase { STATUS_LINE, HEADERS, BODY, DONE }

    private byte[] line = new byte[256]; // grows for a longer line, up to MAX_LINE_BYTES
    private int lineLength;
    private Phase phase = Phase.DONE;
    private byte[] expectedBody;
    private boolean countAnswer; // expectedBody is then the prefix before the count
    private long count;
    private int status;
    private long contentLength;
    private long bodyBytesRead;
    private boolean bodyMatches;
    private boolean closeAfter;

    /** Prepares for the answer to a request whose correct answer body is {@code body}. */
    void expect(byte[] body) {
        expect(body, false);
    }

    /**
     * Prepares for an answer: {@code body} exactly, or, with {@code countAnswer}, {@code body}
     * followed by a positive count of at most 18 digits without leading zeros and a newline.
     */
    void expect(byte[] body, boolean countAnswer) {
        expectedBody = body;
        this.countAnswer = countAnswer;
        count = 0;
        phase = Phase.STATUS_LINE;
        lineLength = 0;
        status = 0;
        contentLength = -1;
        bodyBytesRead = 0;
        bodyMatches = false;
        closeAfter = false;
    }

    /**
     * Consumes bytes from {@code in}, a heap buffer, up to the end of the answer and no
     * further; true once the answer is complete. Bytes left in {@code in} then are not part of it.
     */
    boolean feed(ByteBuffer in) throws IOException {
        byte[] bytes = in.array();
        int position = in.arrayOffset() + in.position();
        int end = in.arrayOffset() + in.limit();
        while (position < end && phase != Phase.DONE) {
            if (phase == Phase.BODY) {
                int length = (int) Math.min(end - position, contentLength - bodyBytesRead);
                if (countAnswer) {
                    checkCountBody(bytes, position, length);
                } else if (bodyMatches) {
                    int from = (int) bodyBytesRead; // bodyMatches implies the body is as long as expectedBody
                    bodyMatches = Arrays.equals(bytes, position, position + length, expectedBody, from, from + length);
                }
                position += length;
                bodyBytesRead += length;
                if (bodyBytesRead == contentLength) {
                    phase = Phase.DONE;
                }
            } else {
                byte b = bytes[position++];
                if (b == '\n') {
                    endOfLine();
                } else {
                    append(b);
                }
            }
        }
        in.position(position - in.arrayOffset());
        return phase == Phase.DONE;
    }

    int status() {
        return status;
    }

    /** The answer's {@code Content-Length}: its body is the last this many bytes fed. */
    long contentLength() {
        return contentLength;
    }

    /** The count a correct {@code counter} answer carried. */
    long count() {
        return count;
    }

    /** A count answer, byte by byte: it is a few dozen bytes. */
    private void checkCountBody(byte[] bytes, int from, int length) {
        for (int i = 0; i < length && bodyMatches; i++) {
            byte b = bytes[from + i];
            long offset = bodyBytesRead + i;
            if (offset < expectedBody.length) {
                bodyMatches = b == expectedBody[(int) offset];
            } else if (offset == contentLength - 1) {
                bodyMatches = b == '\n';
            } else {
                bodyMatches = isDigit(b) && !(offset == expectedBody.length && b == '0');
                count = count * 10 + (b - '0');
            }
        }
    }

    /** True for a 200 whose body is byte for byte the expected one. */
    boolean correct() {
        return status == 200 && bodyMatches;
    }

    /** The server said {@code Connection: close}: it will close once this answer is sent. */
    boolean closeAfter() {
        return closeAfter;
    }

    private void append(byte b) throws IOException {
        if (lineLength == line.length) {
            if (line.length >= MAX_LINE_BYTES) {
                throw new IOException("a status or header line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
        }
        line[lineLength++] = b;
    }

    private void endOfLine() throws IOException {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        lineLength = 0;
        if (phase == Phase.STATUS_LINE) {
            status = parseStatus(length);
            phase = Phase.HEADERS;
        } else if (length > 0) {
            header(length);
        } else {
            endOfHeaders();
        }
    }

    /** {@code HTTP/1.1 200 OK}: the three digits after the version. */
    private int parseStatus(int length) throws IOException {
        boolean wellFormed = length >= 12 && Arrays.equals(line, 0, HTTP_1.length, HTTP_1, 0, HTTP_1.length)
                && line[8] == ' ' && isDigit(line[9]) && isDigit(line[10]) && isDigit(line[11])
                && (length == 12 || line[12] == ' ');
        if (!wellFormed) {
            throw new IOException("malformed status line '" + text(0, length) + "'");
        }
        return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    }

    private void header(int length) throws IOException {
        int colon = indexOf(':', 0, length);
        if (colon <= 0) {
            throw new IOException("malformed header line '" + text(0, length) + "'");
        }
        int valueStart = colon + 1;
        while (valueStart < length && isSpace(line[valueStart])) {
            valueStart++;
        }
        int valueEnd = length;
        while (valueEnd > valueStart && isSpace(line[valueEnd - 1])) {
            valueEnd--;
        }
        if (equalsIgnoreCase(0, colon, CONTENT_LENGTH)) {
            contentLength = parseLength(valueStart, valueEnd);
        } else if (equalsIgnoreCase(0, colon, CONNECTION)) {
            closeAfter |= hasToken(valueStart, valueEnd, CLOSE);
        }
    }

    private void endOfHeaders() throws IOException {
        if (contentLength < 0) {
            throw new IOException("an answer (status " + status + ") without Content-Length");
        }
        bodyMatches = status == 200 && (countAnswer
                ? contentLength >= expectedBody.length + 2 && contentLength <= expectedBody.length + 19
                : contentLength == expectedBody.length);
        phase = contentLength == 0 ? Phase.DONE : Phase.BODY;
    }

    private long parseLength(int from, int to) throws IOException {
        if (from == to || to - from > 18) {
            throw new IOException("malformed Content-Length '" + text(from, to) + "'");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(line[i])) {
                throw new IOException("malformed Content-Length '" + text(from, to) + "'");
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    /** Whether the comma-separated list in {@code [from, to)} holds {@code token}, in any case. */
    private boolean hasToken(int from, int to, byte[] token) {
        int start = from;
        while (start < to) {
            int comma = indexOf(',', start, to);
            int end = comma < 0 ? to : comma;
            int tokenStart = start;
            int tokenEnd = end;
            while (tokenStart < tokenEnd && isSpace(line[tokenStart])) {
                tokenStart++;
            }
            while (tokenEnd > tokenStart && isSpace(line[tokenEnd - 1])) {
                tokenEnd--;
            }
            if (equalsIgnoreCase(tokenStart, tokenEnd, token)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** {@code lowerCase} must be lower case ASCII: header names and these values are ASCII, so only A-Z fold. */
    private boolean equalsIgnoreCase(int from, int to, byte[] lowerCase) {
        if (to - from != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            byte b = line[from + i];
            byte folded = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
            if (folded != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
