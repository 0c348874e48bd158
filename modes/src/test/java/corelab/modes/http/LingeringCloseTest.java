package corelab.modes.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.testkit.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two bounds of {@link LingeringClose}, with raw sockets, against an event loop
 * ({@code single}) and a blocking transport ({@code platform}): after an error answer the
 * server drains at most about {@value LingeringClose#MAX_BYTES} bytes, and at most about
 * {@value LingeringClose#MAX_MILLIS} ms, then closes.
 *
 * <p>What the server has read is known exactly, without timing: the client sends a chunk,
 * then waits until the kernel's own queues ({@code /proc/net/tcp}) show it acknowledged
 * by the server's socket and read from it. So the bytes drained are counted one chunk at
 * a time, and a server that drained on and on would be seen draining more chunks.
 */
class LingeringCloseTest {
    private static final int CHUNK_BYTES = 16 * 1024;
    /** The blocking drain reads up to 8 KB at a time, so it may cross the bound by one read. */
    private static final int READ_BYTES = 8192;
    /** A bad request line: 400, and the input after it is in doubt, so the server lingers. */
    private static final String BAD_REQUEST = "NOT A REQUEST\r\n\r\n";
    private static final Duration TIME_BOUND = Duration.ofMillis(10 * LingeringClose.MAX_MILLIS);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "poller"})
    void aClientSendingGarbageReadsTheWholeAnswerAndIsClosedAfterAboutSixtyFourKilobytes(String mode) throws Exception {
        try (RunningServer server = start(mode); Socket client = connect(server)) {
            OutputStream out = client.getOutputStream();
            byte[] chunk = garbage(CHUNK_BYTES);
            // The answer is read with the first chunk of garbage already sent behind the request.
            out.write(concat(BAD_REQUEST.getBytes(StandardCharsets.ISO_8859_1), chunk));
            assertEquals(400, readStatusAndBody(client.getInputStream()));
            long drained = 0; // garbage the server has read, known one chunk at a time
            while (awaitRead(client)) {
                drained += CHUNK_BYTES;
                assertTrue(drained <= LingeringClose.MAX_BYTES + READ_BYTES,
                        "the server went on draining past " + LingeringClose.MAX_BYTES + " bytes: " + drained);
                try {
                    out.write(chunk);
                } catch (IOException closed) {
                    break;
                }
            }
            assertTrue(connectionEnds(client, out), "the connection is closed after the drain");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"single", "platform", "poller"})
    void aClientTricklingAfterAnErrorIsClosedWithinTheTimeBound(String mode) throws Exception {
        try (RunningServer server = start(mode); Socket client = connect(server)) {
            OutputStream out = client.getOutputStream();
            out.write(BAD_REQUEST.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, readStatusAndBody(client.getInputStream()));
            long giveUp = System.nanoTime() + TIME_BOUND.toNanos();
            int trickled = 0;
            // One byte every 20 ms: far too slow for the byte bound, so only the time bound can end it.
            while (System.nanoTime() < giveUp && !gone(client)) {
                try {
                    out.write('x');
                    out.flush();
                    trickled++;
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(20);
            }
            assertTrue(System.nanoTime() < giveUp, "still open " + TIME_BOUND.toMillis() + " ms after the answer");
            assertTrue(trickled < LingeringClose.MAX_BYTES, "the byte bound, not the time bound, ended it");
        }
    }

    /**
     * Waits until every byte sent has been acknowledged by the server's kernel and read by the
     * server; false if the server's socket is closed instead (its entry gone, or orphaned:
     * inode 0). Bounded: a server that neither reads nor closes fails the test.
     */
    private static boolean awaitRead(Socket client) throws InterruptedException {
        long giveUp = System.nanoTime() + TIME_BOUND.toNanos();
        while (System.nanoTime() < giveUp) {
            Optional<TcpEntry> server = TcpEntry.find(client.getPort(), client.getLocalPort());
            Optional<TcpEntry> mine = TcpEntry.find(client.getLocalPort(), client.getPort());
            if (server.isEmpty() || server.get().inode() == 0) {
                return false;
            }
            if (mine.isPresent() && mine.get().sendQueueBytes() == 0 && server.get().receiveQueueBytes() == 0) {
                return true;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the server neither read nor closed within " + TIME_BOUND.toMillis() + " ms");
    }

    /** The server's socket is closed (gone, or orphaned), so only the kernel holds the connection. */
    private static boolean gone(Socket client) {
        Optional<TcpEntry> server = TcpEntry.find(client.getPort(), client.getLocalPort());
        return server.isEmpty() || server.get().inode() == 0;
    }

    /** After the server's close, a write draws a reset and a later one fails: within the bound. */
    private static boolean connectionEnds(Socket client, OutputStream out) throws InterruptedException {
        return Eventually.within(TIME_BOUND, () -> {
            try {
                out.write('x');
                out.flush();
                return false;
            } catch (IOException closed) {
                return true;
            }
        });
    }

    /** One line of {@code /proc/net/tcp} or {@code tcp6}: the kernel's queues of one socket. */
    private record TcpEntry(long sendQueueBytes, long receiveQueueBytes, long inode) {
        static Optional<TcpEntry> find(int localPort, int remotePort) {
            for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(Path.of(file));
                } catch (IOException e) {
                    continue; // no IPv6 here
                }
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (port(f[1]) == localPort && port(f[2]) == remotePort) {
                        String[] queues = f[4].split(":");
                        return Optional.of(new TcpEntry(Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16),
                                Long.parseLong(f[9])));
                    }
                }
            }
            return Optional.empty();
        }

        private static int port(String address) {
            return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
        }
    }

    private static int readStatusAndBody(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                int length = Integer.parseInt(line.substring(15).strip());
                assertEquals(length, in.readNBytes(length).length, "the whole body of the answer");
            }
        }
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the whole answer: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] garbage(int bytes) {
        byte[] garbage = new byte[bytes];
        Arrays.fill(garbage, (byte) 'g');
        return garbage;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Socket connect(RunningServer server) throws IOException {
        Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
        socket.setSoTimeout((int) TIME_BOUND.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static RunningServer start(String mode) throws IOException {
        return RunningServer.start(ServerOptions.parse(Map.of("mode", mode, "port", "0")), 0, System.out);
    }
}
