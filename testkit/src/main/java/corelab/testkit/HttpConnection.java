package corelab.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: it writes exactly the bytes it
 * is given, malformed or split however a test likes, and reads responses strictly. No
 * library client would send half a request or garbage, which is what the tests need.
 *
 * <p>Every read waits at most {@link #READ_TIMEOUT_MILLIS} unless told otherwise: generous on
 * a noisy machine, but a server that never answers fails the test instead of hanging it.
 */
public final class HttpConnection implements AutoCloseable {
    public static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_LINE_BYTES = 8192;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** corelab's servers always answer HTTP/1.1; any other version from them is a bug to report. */
    private final boolean onlyHttp11;

    HttpConnection(InetSocketAddress address, Duration readTimeout, boolean onlyHttp11) throws IOException {
        this.onlyHttp11 = onlyHttp11;
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A connection to a corelab server: its responses must be HTTP/1.1. */
    public static HttpConnection open(InetSocketAddress address) throws IOException {
        return open(address, Duration.ofMillis(READ_TIMEOUT_MILLIS));
    }

    /** The same, with reads that wait up to {@code readTimeout}. */
    public static HttpConnection open(InetSocketAddress address, Duration readTimeout) throws IOException {
        return new HttpConnection(address, readTimeout, true);
    }

    /** The client's port: with the server's, it names the connection (in {@code /proc/net/tcp}, say). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Writes {@code text} (ISO-8859-1, so every char is one byte) in one write. */
    public HttpConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public HttpConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one request and reads its response. */
    public Http.Response exchange(String request) throws IOException {
        return send(request).readResponse();
    }

    /** Reads one whole response: status line, headers, and a body of exactly Content-Length bytes. */
    public Http.Response readResponse() throws IOException {
        Http.Response head = readResponseHead();
        String length = head.header("content-length");
        if (length == null) {
            throw new IOException("response without Content-Length: " + head.headers());
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length < Integer.parseInt(length)) {
            throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return new Http.Response(head.statusLine(), head.status(), head.headers(),
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Reads a status line and headers only, with an empty body: for the answer to a HEAD
     * request, and for an interim answer such as {@code 100 Continue}.
     */
    public Http.Response readResponseHead() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        boolean knownVersion = onlyHttp11 ? parts[0].equals("HTTP/1.1") : parts[0].matches("HTTP/1\\.[01]");
        if (parts.length < 2 || !knownVersion) {
            throw new IOException("malformed status line '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + line + "'");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (headers.put(name, line.substring(colon + 1).strip()) != null) {
                throw new IOException("header '" + name + "' sent twice");
            }
        }
        return new Http.Response(statusLine, status, headers, "");
    }

    /**
     * True once the server has closed the connection without sending anything more; false
     * if it is still open after the read timeout. A reset counts as closed: a server that
     * closes with unread input in its socket buffer makes the kernel send RST rather than
     * FIN, and the connection is just as gone.
     *
     * @throws IOException if the server sends more bytes instead
     */
    public boolean closedByServer() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
        return endOfStream(b);
    }

    private static boolean endOfStream(int b) throws IOException {
        if (b >= 0) {
            throw new IOException("expected the connection to be closed, but the server sent more bytes, starting with '"
                    + (char) b + "'");
        }
        return true;
    }

    /**
     * True if the server closed with FIN, false if with a reset: a server that closes while
     * the client's bytes are still unread in its socket makes the kernel send RST, which
     * can destroy an answer the client has not read yet.
     *
     * @throws IOException if the server sends more bytes, or keeps the connection past the read timeout
     */
    public boolean closedWithoutReset() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (SocketException e) {
            return false;
        }
        return endOfStream(b);
    }

    /** Sends FIN: the client will write no more, but still reads. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with SO_LINGER 0, which sends RST: the client that vanishes mid-conversation. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed"
                        + (line.size() > 0 ? " in the middle of a line: '" + line + "'" : " before a response"));
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("response line not ended by CRLF: '" + line + "'");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("response line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
