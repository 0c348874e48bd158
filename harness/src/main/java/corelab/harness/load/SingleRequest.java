package corelab.harness.load;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One request on a connection of its own, sent as the generator sends it and judged by the
 * same {@link ResponseParser}: what the runner asks before the load starts passes exactly
 * when the load would count the answer as correct.
 */
public final class SingleRequest {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Generous: the first request to a fresh JVM runs interpreted code. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /**
     * What came back.
     *
     * @param correct a 200 whose body is the expected one (for a count answer: of the expected form)
     * @param count   the count a correct count answer carried; 0 otherwise
     * @param body    the body as text, for a message
     */
    public record Answer(int status, boolean correct, long count, String body) {
    }

    private SingleRequest() {
    }

    /** Sends {@code request} to {@code server} and reads its answer; a malformed answer or a closed connection throws. */
    public static Answer send(InetSocketAddress server, RequestTemplate request) throws IOException {
        EncodedRequest encoded = EncodedRequest.of(request, server.getHostString() + ":" + server.getPort());
        ResponseParser parser = new ResponseParser();
        parser.expect(encoded.expectedBody(), encoded.countAnswer());
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(encoded.requestBytes());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean complete = false;
            while (!complete) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new EOFException("the server closed the connection before the whole answer");
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                complete = parser.feed(bytes);
                answer.write(buffer, 0, bytes.position());
                if (bytes.hasRemaining()) {
                    throw new IOException("the server sent bytes after its answer");
                }
            }
        }
        byte[] all = answer.toByteArray();
        int bodyLength = (int) parser.contentLength(); // all of it was read, so it fits
        String body = new String(all, all.length - bodyLength, bodyLength, StandardCharsets.UTF_8);
        return new Answer(parser.status(), parser.correct(), parser.correct() ? parser.count() : 0, body);
    }
}
