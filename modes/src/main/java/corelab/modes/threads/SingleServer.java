package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import java.io.IOException;

/**
 * {@code single}: one event-loop thread does everything, CPU work included, like Node.js.
 * Waiting on the backend costs it nothing (the wait is non-blocking), but while one
 * request computes, every other connection waits.
 */
public final class SingleServer extends EventLoopModeServer {
    public SingleServer(ServerContext context) throws IOException {
        super(context, ServerContext::inline); // the CPU work runs on the loop thread itself
    }
}
