package corelab.modes.threads;

import corelab.modes.server.ModeServer;
import corelab.modes.server.ServerContext;
import corelab.modes.server.WorkloadHandler;
import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * What {@code single} and {@code offload} share: one event loop does all the I/O, and the
 * backend is called without blocking it. The two modes differ only in where the CPU work
 * runs, which each passes in. {@code poller} runs its poller as such a loop too.
 */
abstract class EventLoopModeServer implements ModeServer {
    private final EventLoopServer server;

    EventLoopModeServer(ServerContext context, WorkloadHandler.CpuWork cpu) throws IOException {
        this("corelab-loop", loop -> new EventLoopServer(context.socket(), loop,
                new WorkloadHandler(context, cpu, new LoopBackendClient(loop, context.backend()))));
    }

    /** A loop thread named {@code name}, serving what {@code server} opens on it ({@code poller}'s poller). */
    EventLoopModeServer(String name, LoopServer server) throws IOException {
        EventLoop loop = new EventLoop(name);
        this.server = server.open(loop);
        loop.start();
    }

    /** Opens the server a loop runs; if it fails, the loop is closed with it (see {@link EventLoopServer}). */
    @FunctionalInterface
    interface LoopServer {
        EventLoopServer open(EventLoop loop) throws IOException;
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void adopt(SocketChannel connection) {
        server.adopt(connection);
    }

    @Override
    public boolean accepting() {
        return server.accepting();
    }

    @Override
    public long refusedConnections() {
        return server.refusedConnections();
    }

    @Override
    public void disconnect(Duration grace) {
        server.disconnect(grace);
    }

    @Override
    public void close() {
        server.close();
    }
}
