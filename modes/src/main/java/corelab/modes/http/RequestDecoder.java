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

    private final HttpLimits limits;
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY); // always in write mode between calls

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

    /** The next complete request, or null until more bytes arrive. */
    public HttpRequest next() throws HttpException {
        buffer.flip();
        try {
            return parse(buffer);
        } finally {
            buffer.compact();
        }
    }

    private HttpRequest parse(ByteBuffer in) throws HttpException {
        int start = in.position();
        int end = in.limit();
        int firstLineEnd = indexOf(in, start, end, (byte) '\n');
        if (firstLineEnd < 0) {
            if (end - start > limits.maxHeaderBytes()) {
                throw new HttpException(431, "request line longer than " + limits.maxHeaderBytes() + " bytes");
            }
            return null;
        }
        if (firstLineEnd == start || in.get(firstLineEnd - 1) != '\r') {
            throw new HttpException(400, "request line must end with CRLF");
        }
        // Check the request line as soon as it is here, so garbage is refused at once.
        String requestLine = ascii(in, start, firstLineEnd - 1);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3) {
            throw new HttpException(400, "malformed request line '" + printable(requestLine) + "'");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (method.isEmpty() || !isToken(method)) {
            throw new HttpException(400, "malformed method '" + printable(method) + "'");
        }
        if (!target.startsWith("/") || !isVisible(target)) {
            throw new HttpException(400, "malformed request target '" + printable(target) + "'");
        }
        if (!version.startsWith("HTTP/")) {
            throw new HttpException(400, "malformed HTTP version '" + printable(version) + "'");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpException(505, "only HTTP/1.0 and HTTP/1.1 are served, not " + printable(version));
        }

        int headEnd = indexOfHeadEnd(in, firstLineEnd + 1, end);
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
        if (headers.containsKey("transfer-encoding")) {
            throw new HttpException(501, "Transfer-Encoding is not supported; send a Content-Length body");
        }
        int contentLength = contentLength(headers.get("content-length"));
        if (end - headEnd < contentLength) {
            return null;
        }
        byte[] body = new byte[contentLength];
        in.position(headEnd);
        in.get(body);

        String connection = headers.getOrDefault("connection", "").toLowerCase(java.util.Locale.ROOT);
        boolean keepAlive = version.equals("HTTP/1.1")
                ? !connection.contains("close")
                : connection.contains("keep-alive");
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new HttpRequest(method, path, query, version, headers, body, keepAlive);
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
            String value = line.substring(colon + 1).strip();
            String previous = headers.putIfAbsent(name, value);
            if (previous != null) {
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

    /** The index just past the blank line that ends the header section, searching from the start of the headers. */
    private static int indexOfHeadEnd(ByteBuffer in, int headersStart, int to) {
        if (headersStart + 1 < to && in.get(headersStart) == '\r' && in.get(headersStart + 1) == '\n') {
            return headersStart + 2; // no headers at all
        }
        for (int i = Math.max(headersStart, 2); i + 1 < to; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i - 1) == '\n' && in.get(i - 2) == '\r') {
                return i + 2;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String s) {
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

    private static boolean isVisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Shows a client's bytes in an error message without echoing control characters back. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 80; i++) {
            char c = s.charAt(i);
            out.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
