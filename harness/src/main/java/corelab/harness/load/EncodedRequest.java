package corelab.harness.load;

import java.nio.charset.StandardCharsets;

/**
 * A {@link RequestTemplate} as the bytes that go on the wire and the bytes that must come
 * back, encoded once before the load starts so the hot path never formats or decodes text.
 */
final class EncodedRequest {
    private final byte[] requestBytes;
    private final byte[] expectedBody;
    private final boolean countAnswer;

    private EncodedRequest(byte[] requestBytes, byte[] expectedBody, boolean countAnswer) {
        this.requestBytes = requestBytes;
        this.expectedBody = expectedBody;
        this.countAnswer = countAnswer;
    }

    /** {@code hostHeader} is {@code host:port}, the same for every request to one server. */
    static EncodedRequest of(RequestTemplate template, String hostHeader) {
        String request = "GET " + template.target() + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n";
        return new EncodedRequest(request.getBytes(StandardCharsets.US_ASCII),
                template.expectedBody().getBytes(StandardCharsets.UTF_8), template.countAnswer());
    }

    /** Shared by every connection: read it, never write into it. */
    byte[] requestBytes() {
        return requestBytes;
    }

    /** Shared by every connection: read it, never write into it. */
    byte[] expectedBody() {
        return expectedBody;
    }

    /** See {@link RequestTemplate#countAnswer()}. */
    boolean countAnswer() {
        return countAnswer;
    }
}
