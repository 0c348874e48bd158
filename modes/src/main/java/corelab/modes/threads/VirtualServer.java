package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * {@code virtual}: one virtual thread per connection. The code is the same blocking code as
 * {@code platform}, but a virtual thread that waits gives its carrier (platform) thread
 * back, so waiting connections cost memory, not threads.
 */
public final class VirtualServer extends BlockingModeServer {
    public VirtualServer(ServerContext context) throws IOException {
        super(context, Executors.newVirtualThreadPerTaskExecutor(), context.options().limits().maxConnections());
    }
}
