package corelab.modes.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One response. {@code close} asks the transport to close the connection once it is
 * written, as it must after any error that leaves the input stream in doubt.
 */
public record HttpResponse(int status, String contentType, byte[] body, boolean close) {

    public static HttpResponse text(int status, String body) {
        return new HttpResponse(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A refusal of a well-formed request (unknown path, bad parameter): the connection stays
     * usable, since the request was read whole.
     */
    public static HttpResponse refusal(int status, String message) {
        return text(status, reason(status) + ": " + message + "\n");
    }

    /** An error answer that closes the connection: after a malformed request, the rest of the input is in doubt. */
    public static HttpResponse error(int status, String message) {
        return new HttpResponse(status, "text/plain; charset=utf-8",
                (reason(status) + ": " + message + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    public HttpResponse closing() {
        return close ? this : new HttpResponse(status, contentType, body, true);
    }

    /** The interim answer to {@code Expect: 100-continue}: the client may send its body. */
    public static ByteBuffer continueInterim() {
        return ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The bytes on the wire; {@code http10KeepAlive} adds the header an HTTP/1.0 client needs to keep the connection. */
    public ByteBuffer encode(boolean http10KeepAlive) {
        return encode(http10KeepAlive, false);
    }

    /**
     * The same; for a HEAD request ({@code headOnly}) the head is the GET's, Content-Length
     * included, and the body is left out (RFC 9110 9.3.2).
     */
    public ByteBuffer encode(boolean http10KeepAlive, boolean headOnly) {
        StringBuilder head = new StringBuilder(160)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Date: ").append(HttpDate.now()).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (status == 405) {
            head.append("Allow: ").append(Methods.ALLOWED).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        } else if (http10KeepAlive) {
            head.append("Connection: keep-alive\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        int bodyBytes = headOnly ? 0 : body.length;
        return ByteBuffer.allocate(headBytes.length + bodyBytes).put(headBytes).put(body, 0, bodyBytes).flip();
    }

    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
