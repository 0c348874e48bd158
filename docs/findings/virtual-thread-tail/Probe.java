import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Who gets served: a closed loop of keep-alive connections against a running corelab server,
 * each on its own platform thread, that records every request (its connection, when it was sent,
 * how long it took) and prints how the service was shared among the connections.
 *
 * java Probe.java PORT [connections=64] [seconds=4] [path=/cpu] [thinkMicros=0]
 *
 * thinkMicros: a pause after each answer before the next request, so that the server's next
 * read finds nothing yet and its thread has to block
 */
public class Probe {
    record Done(int connection, long sentNanos, long latencyNanos) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        String path = args.length > 3 ? args[3] : "/cpu";
        long thinkNanos = args.length > 4 ? Long.parseLong(args[4]) * 1000 : 0;
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<List<Done>> perConnection = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(connections);
        long[] start = new long[1];
        Exception[] failed = new Exception[1];
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            List<Done> mine = new ArrayList<>();
            perConnection.add(mine);
            int index = c;
            threads[c] = Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    ready.countDown();
                    ready.await();
                    long end = start[0] + (long) (seconds * 1e9);
                    byte[] buffer = new byte[4096];
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        out.write(request);
                        readResponse(in, buffer);
                        mine.add(new Done(index, sent, System.nanoTime() - sent));
                        if (thinkNanos > 0) java.util.concurrent.locks.LockSupport.parkNanos(thinkNanos);
                    }
                } catch (Exception e) {
                    failed[0] = e;
                    ready.countDown(); // so that the others do not wait for this one
                }
            });
        }
        start[0] = System.nanoTime() + 200_000_000L; // all connected before the clock starts
        System.out.println("measuring " + connections + " connections for " + seconds + " s");
        for (Thread t : threads) t.join();
        if (failed[0] != null) {
            System.err.println("Probe: no answer from 127.0.0.1:" + port + ": " + failed[0]);
            System.exit(1);
        }
        report(perConnection, start[0], seconds);
    }

    /** Reads one response with a Content-Length body (corelab always sends one). */
    static void readResponse(InputStream in, byte[] buffer) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IllegalStateException("closed");
            head.append((char) b);
        }
        String h = head.toString().toLowerCase();
        int at = h.indexOf("content-length:");
        int length = Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).trim());
        int read = 0;
        while (read < length) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length - read));
            if (n < 0) throw new IllegalStateException("closed");
            read += n;
        }
    }

    static void report(List<List<Done>> perConnection, long start, double seconds) {
        List<Done> all = new ArrayList<>();
        perConnection.forEach(all::addAll);
        all.removeIf(d -> d.sentNanos() < start);
        long[] latencies = all.stream().mapToLong(Done::latencyNanos).sorted().toArray();
        int[] counts = perConnection.stream().mapToInt(l -> (int) l.stream().filter(d -> d.sentNanos() >= start).count())
                .sorted().toArray();
        System.out.printf("requests %d in %.1f s: %.0f/s%n", latencies.length, seconds, latencies.length / seconds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);
        System.out.printf("requests per connection: min %d  p10 %d  median %d  p90 %d  max %d  (fair share %.0f)%n",
                counts[0], counts[counts.length / 10], counts[counts.length / 2], counts[counts.length * 9 / 10],
                counts[counts.length - 1], (double) latencies.length / counts.length);
        // How many connections got at least one answer in each 250 ms window: fair sharing serves all of them.
        int windows = (int) Math.ceil(seconds * 4);
        StringBuilder line = new StringBuilder("connections served per 250 ms window:");
        for (int w = 0; w < windows; w++) {
            long from = start + w * 250_000_000L, to = from + 250_000_000L;
            long served = perConnection.stream()
                    .filter(l -> l.stream().anyMatch(d -> d.sentNanos() + d.latencyNanos() >= from
                            && d.sentNanos() + d.latencyNanos() < to))
                    .count();
            line.append(' ').append(served);
        }
        System.out.println(line);
        // The share of all answers that went to the 8 busiest connections.
        int top = Arrays.stream(counts).skip(counts.length - Math.min(8, counts.length)).sum();
        System.out.printf("the %d busiest connections got %.0f%% of the answers%n",
                Math.min(8, counts.length), 100.0 * top / latencies.length);
    }

    static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
}
