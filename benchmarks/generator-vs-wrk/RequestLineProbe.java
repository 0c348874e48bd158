import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Shows which request line a client really sends, so that run.sh can check that corelab's
 * generator asks for the work it was told to (the same URL wrk is given) before comparing
 * the two. A single-file program, run with {@code java RequestLineProbe.java}: it listens on
 * a free loopback port, prints {@code probe-ready port=N}, prints the request line of the
 * first request as {@code probe-request-line GET ...}, answers it with a 503 (so a client
 * that checks answers stops at once) and exits. It exits by itself after 60 s if nobody comes.
 */
public final class RequestLineProbe {
    public static void main(String[] args) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(60_000);
            System.out.println("probe-ready port=" + listener.getLocalPort());
            System.out.flush();
            try (Socket client = listener.accept()) {
                client.setSoTimeout(10_000);
                var reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                System.out.println("probe-request-line " + reader.readLine());
                System.out.flush();
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }
}
