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

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.getInteger("port", 8090);
        int threads = Integer.getInteger("threads", 4);
        int queue = Integer.getInteger("queue", 16);
        long workMillis = Long.getLong("workMillis", 10);
        if (threads < 1 || queue < 1 || workMillis < 0) {
            System.err.println("need -Dthreads >= 1, -Dqueue >= 1 and -DworkMillis >= 0, were " + threads
                    + ", " + queue + ", " + workMillis);
            System.exit(2);
        }
        BoundedPool pool = new BoundedPool(request -> {
            try {
                Thread.sleep(workMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponse.text(200, WorkloadRequest.HELLO_ANSWER);
        }, threads, queue);
        QueueServer server = start(port, pool);
        System.out.println("serving on http://127.0.0.1:" + server.address().getPort() + " with " + threads
                + " threads, a queue of " + queue + " and " + workMillis + " ms of blocking work a request;"
                + " Ctrl-C stops");
        Thread.currentThread().join(); // until Ctrl-C
    }
}
