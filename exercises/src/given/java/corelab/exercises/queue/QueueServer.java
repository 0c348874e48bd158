package corelab.exercises.queue;

import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import corelab.modes.http.Handler;
import corelab.modes.http.HttpLimits;
import corelab.modes.http.HttpResponse;
import corelab.modes.http.ServerSocketConfig;
import corelab.workloads.WorkloadRequest;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A {@link Handler} served on a port by corelab's HTTP core: one event loop accepts, reads,
 * parses and writes for every connection, and the handler decides where the work runs. With a
 * {@link BoundedPool} as the handler, this is thread-per-request behind a poller, as corelab's
 * {@code poller} mode (there, the request thread also reads and parses its request).
 *
 * <p>Run as a program, it serves a {@link BoundedPool} whose work blocks for
 * {@code -DworkMillis} (a stand-in for a call to a database) and answers corelab's
 * {@code hello}, so that corelab can load it ({@code -Dtarget}, see the exercises' README).
 */
public final class QueueServer implements AutoCloseable {
    private final EventLoopServer server;

    private QueueServer(EventLoopServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free one) and serves with {@code handler}. */
    public static QueueServer start(int port, Handler handler) throws IOException {
        EventLoop loop = new EventLoop("queue-server-loop");
        EventLoopServer server = new EventLoopServer(new ServerSocketConfig("127.0.0.1", port, false,
                HttpLimits.DEFAULTS), loop, handler); // closes the loop itself if it cannot listen
        loop.start();
        return new QueueServer(server);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = intProperty("port", 8090, 0);
        int threads = intProperty("threads", 4, 1);
        int queue = intProperty("queue", 16, 1);
        int workMillis = intProperty("workMillis", 10, 0);
        BoundedPool pool = new BoundedPool(request -> {
            try {
                Thread.sleep(workMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponse.text(200, WorkloadRequest.HELLO_ANSWER);
        }, threads, queue);
        QueueServer server;
        try {
            server = start(port, pool);
        } catch (IOException e) {
            System.err.println("QueueServer: " + e.getMessage());
            pool.close();
            System.exit(2);
            return;
        }
        System.out.println("serving on http://127.0.0.1:" + server.address().getPort() + " with " + threads
                + " threads, a queue of " + queue + " and " + workMillis + " ms of blocking work a request;"
                + " Ctrl-C stops");
        Thread.currentThread().join(); // until Ctrl-C
    }

    /** {@code -Dname=}, a whole number of at least {@code min}; anything else stops with one message. */
    private static int intProperty(String name, int defaultValue, int min) {
        String text = System.getProperty(name);
        try {
            int value = text == null ? defaultValue : Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        System.err.println("QueueServer: -D" + name + " must be a whole number of at least " + min + ", was " + text);
        System.exit(2);
        return defaultValue;
    }
}
