package corelab.modes.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP/1.1 request codec that both transports share: bytes go in through
 * {@link #writable()}, whole requests come out of {@link #next()}, in the order they
 * arrived. Bytes of a following (pipelined) request stay buffered until asked for.
 *
 * <p>It is strict where leniency would be a security or correctness risk (line endings,
 * header syntax, conflicting lengths) and refuses what it does not implement (chunked
 * request bodies) rather than misreading it.
 */
public final class RequestDecoder {
    private static final int INITIAL_CAPACITY = 4096;
    /** Empty lines skipped before a request line; more is not a client's slip but noise. */
    static final int MAX_EMPTY_LINES = 8;

    private final HttpLimits limits;
    /**
     * Always in write mode between calls, holding only bytes not yet handed out as requests.
     * Bytes are moved up only when some were taken, not on every call: a large body arriving
     * in many reads is not copied again at each one.
     */
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);
    /** Head and body length of a request whose head has come and whose body has not; -1: none. */
    private int awaitedLength = -1;
    private int emptyLinesSkipped;
    /** The request waiting for its body asked for {@code 100 Continue}, and it has not been sent. */
    private boolean continueDue;
    private boolean continueSent;

    public RequestDecoder(HttpLimits limits) {
        this.limits = limits;
    }

    /** The buffer to read more bytes into, with room for at least one byte. */
    public ByteBuffer writable() {
        if (!buffer.hasRemaining()) {
            int max = limits.maxHeaderBytes() + limits.maxBodyBytes() + 4;
            int grown = Math.min(max, buffer.capacity() * 2);
            if (grown <= buffer.capacity()) {
                // Cannot happen: next() refuses anything that would not fit.
                throw new IllegalStateException("request buffer full at " + buffer.capacity() + " bytes");
            }
            buffer = ByteBuffer.allocate(grown).put(buffer.flip());
        }
        return buffer;
    }

    /** True when part of a request has arrived but not all of it. */
    public boolean hasPartialRequest() {
        return buffer.position() > 0;
    }

    /** How many bytes the buffer holds now: back to its first size after each large request. */
    int capacity() {
        return buffer.capacity();
    }

    /** True when a request's head has all come and its body has not: the body's deadline runs. */
    public boolean awaitingBody() {
        return awaitedLength >= 0 && hasPartialRequest();
    }

    /**
     * True once for a request whose head asked {@code Expect: 100-continue} and whose body
     * (within the limit) has not all come: the transport then sends {@code 100 Continue}
     * (RFC 9110 10.1.1). Ask after {@link #next()} returned null.
     */
    public boolean takeContinue() {
        if (!continueDue) {
            return false;
        }
        continueDue = false;
        continueSent = true;
        return true;
    }

    /** The next complete request, or null until more bytes arrive. */
    public HttpRequest next() throws HttpException {
        int written = buffer.position();
        if (awaitedLength >= 0 && written < awaitedLength) {
            return null; // the body is still coming: its head was checked already
        }
        HttpRequest request;
        buffer.flip();
        try {
            request = parse(buffer);
        } finally {
            if (buffer.position() == 0) {
                buffer.limit(buffer.capacity()).position(written); // nothing taken: nothing to move
            } else {
                buffer.compact(); // moves only what follows what was taken
            }
        }
        if (request != null && buffer.capacity() > INITIAL_CAPACITY && buffer.position() <= INITIAL_CAPACITY) {
            // A large body grew the buffer; an idle keep-alive connection should not keep it.
            buffer = ByteBuffer.allocate(INITIAL_CAPACITY).put(buffer.flip());
        }
        return request;
    }

    private HttpRequest parse(ByteBuffer in) throws HttpException {
        awaitedLength = -1;
        int start = skipEmptyLines(in);
        int end = in.limit();
        // Never look past the limit: what lies beyond it cannot change the answer, so the same
        // bytes get the same answer however the reads split them (a bare LF past the limit is a
        // too-long line, whether or not it has arrived yet).
        int window = (int) Math.min(end, (long) start + limits.maxHeaderBytes() + 1);
        int firstLineEnd = indexOf(in, start, window, (byte) '\n');
        if (firstLineEnd < 0) {
            if (end - start > limits.maxHeaderBytes()) {
                throw new HttpException(414, "request line longer than " + limits.maxHeaderBytes() + " bytes");
            }
            return null;
        }
        if (firstLineEnd == start || in.get(firstLineEnd - 1) != '\r') {
            throw new HttpException(400, "request line must end with CRLF");
        }
        if (firstLineEnd - start > limits.maxHeaderBytes()) {
            throw new HttpException(414, "request line longer than " + limits.maxHeaderBytes() + " bytes");
        }
        // Check the request line as soon as it is here, so garbage is refused at once.
        RequestLine line = RequestLine.parse(ascii(in, start, firstLineEnd - 1));

        int headEnd = indexOfHeadEnd(in, firstLineEnd + 1, window);
        if (headEnd < 0) {
            if (end - start > limits.maxHeaderBytes()) {
                throw new HttpException(431, "header section longer than " + limits.maxHeaderBytes() + " bytes");
            }
            return null;
        }
        if (headEnd - start > limits.maxHeaderBytes()) {
            throw new HttpException(431, "header section longer than " + limits.maxHeaderBytes() + " bytes");
        }

        Map<String, String> headers = parseHeaders(in, firstLineEnd + 1, headEnd - 2);
        HeaderRules.checkHost(line.version(), headers.get("host"));
        if (headers.containsKey("transfer-encoding")) {
            if (headers.containsKey("content-length")) {
                // Two framings at once: the classic request smuggling, never guessed at.
                throw new HttpException(400, "both Transfer-Encoding and Content-Length");
            }
            throw new HttpException(501, "Transfer-Encoding is not supported; send a Content-Length body");
        }
        int contentLength = contentLength(headers.get("content-length"));
        boolean http11 = line.version().equals(RequestLine.HTTP_1_1);
        boolean expectsContinue = HeaderRules.expectsContinue(http11, headers.get("expect"));
        if (end - headEnd < contentLength) {
            continueDue = expectsContinue && !continueSent;
            awaitedLength = headEnd - start + contentLength;
            return null;
        }
        continueDue = false;
        continueSent = false;
        emptyLinesSkipped = 0;
        byte[] body = new byte[contentLength];
        in.position(headEnd);
        in.get(body);

        boolean keepAlive = HeaderRules.keepAlive(http11, headers.get("connection"));
        return new HttpRequest(line.method(), line.path(), line.query(), line.version(), headers, body, keepAlive);
    }

    /**
     * Skips the empty lines a client may send before a request (RFC 9112 2.2), consuming
     * them, up to {@value #MAX_EMPTY_LINES}; returns where the request line starts.
     */
    private int skipEmptyLines(ByteBuffer in) throws HttpException {
        int start = in.position();
        while (start + 1 < in.limit() && in.get(start) == '\r' && in.get(start + 1) == '\n') {
            if (++emptyLinesSkipped > MAX_EMPTY_LINES) {
                throw new HttpException(400, "more than " + MAX_EMPTY_LINES + " empty lines before a request");
            }
            start += 2;
            in.position(start); // consumed even if the request line has not come yet
        }
        return start;
    }

    /** Parses header lines between {@code from} and {@code to} (each line ends with CRLF). */
    private static Map<String, String> parseHeaders(ByteBuffer in, int from, int to) throws HttpException {
        Map<String, String> headers = new HashMap<>(8);
        int lineStart = from;
        while (lineStart < to) {
            int lf = indexOf(in, lineStart, to, (byte) '\n');
            if (lf < 0 || in.get(lf - 1) != '\r') {
                throw new HttpException(400, "header lines must end with CRLF");
            }
            String line = ascii(in, lineStart, lf - 1);
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                // Also refuses obsolete line folding and whitespace before the colon (RFC 9112 5.1).
                throw new HttpException(400, "malformed header line '" + printable(line) + "'");
            }
            String name = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            String value = HeaderRules.fieldValue(line.substring(colon + 1));
            if (value == null) {
                // CR, LF, NUL and other controls (RFC 9110 5.5): never trimmed away or read past,
                // or "Content-Length: \x0b5" would be 5 here and something else behind another front.
                throw new HttpException(400, "control character in the value of header '" + printable(name) + "'");
            }
            String previous = headers.putIfAbsent(name, value);
            if (previous != null) {
                if (name.equals("host")) {
                    throw new HttpException(400, "more than one Host header");
                }
                if (name.equals("content-length") && !previous.equals(value)) {
                    throw new HttpException(400, "conflicting Content-Length headers");
                }
                headers.put(name, previous + ", " + value);
            }
            lineStart = lf + 1;
        }
        return headers;
    }

    private int contentLength(String value) throws HttpException {
        if (value == null) {
            return 0;
        }
        if (value.contains(",")) {
            // Repeated headers were joined, or one header carried a list: accept it only when
            // every value agrees (RFC 9110 8.6); taking the first would let two parties read
            // the body differently, the root of request smuggling.
            String first = value.substring(0, value.indexOf(',')).strip();
            for (String other : value.split(",", -1)) {
                if (!other.strip().equals(first)) {
                    throw new HttpException(400, "conflicting Content-Length values '" + printable(value) + "'");
                }
            }
            value = first;
        }
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new HttpException(400, "malformed Content-Length '" + printable(value) + "'");
        }
        long length = Long.parseLong(value);
        if (length > limits.maxBodyBytes()) {
            throw new HttpException(413, "body of " + length + " bytes is over the limit of " + limits.maxBodyBytes());
        }
        return (int) length;
    }

    private static int indexOf(ByteBuffer in, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index just past the empty line that ends the header section, or -1 until it has
     * come. Every line end seen on the way must be CRLF: a bare LF is refused at once rather
     * than waited on (RFC 9112 2.2 lets a server reject it), so it cannot hang a connection.
     */
    private static int indexOfHeadEnd(ByteBuffer in, int headersStart, int to) throws HttpException {
        int lineStart = headersStart;
        while (true) {
            int lf = indexOf(in, lineStart, to, (byte) '\n');
            if (lf < 0) {
                return -1;
            }
            if (lf == lineStart || in.get(lf - 1) != '\r') {
                throw new HttpException(400, "header lines must end with CRLF, not a bare LF");
            }
            if (lf == lineStart + 1) {
                return lf + 1; // the empty line
            }
            lineStart = lf + 1;
        }
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Shows a client's bytes in an error message without echoing control characters back. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 80; i++) {
            char c = s.charAt(i);
            out.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
