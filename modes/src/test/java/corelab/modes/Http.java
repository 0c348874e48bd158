package corelab.modes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A tiny raw-socket HTTP client for tests: one request per connection, exact bytes. */
final class Http {
    record Response(int status, String body) {
    }

    private Http() {
    }

    static Response get(InetSocketAddress address, String target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all); // the server closes after answering
            String text = all.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                throw new IOException("no complete response: '" + text + "'");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            return new Response(status, text.substring(headEnd + 4));
        }
    }
}
