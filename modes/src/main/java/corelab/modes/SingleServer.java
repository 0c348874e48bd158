package corelab.modes;

import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * {@code single}: one event-loop thread does everything, CPU work included, like Node.js.
 * Waiting on the backend costs it nothing (the wait is non-blocking), but while one
 * request computes, every other connection waits.
 */
public final class SingleServer implements ModeServer {
    private final EventLoop loop = new EventLoop("corelab-loop");
    private final EventLoopServer server;

    public SingleServer(ServerContext context) throws IOException {
        WorkloadHandler handler = new WorkloadHandler(context,
                ServerContext::inline,
                new LoopBackendClient(loop, context.backend()));
        server = new EventLoopServer(context.socket(), loop, handler);
        loop.start();
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }
}
