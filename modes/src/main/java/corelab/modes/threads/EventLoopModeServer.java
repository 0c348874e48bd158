package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import corelab.modes.server.WorkloadHandler;
import corelab.modes.http.EventLoop;
import corelab.modes.http.EventLoopServer;
import corelab.modes.http.Transport;
import java.io.IOException;

/**
 * What {@code single} and {@code offload} share: one event loop does all the I/O, and the
 * backend is called without blocking it. The two modes differ only in where the CPU work
 * runs, which each passes in. {@code poller} runs its poller as such a loop too.
 */
abstract class EventLoopModeServer extends TransportModeServer {
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
    Transport transport() {
        return server;
    }
}
