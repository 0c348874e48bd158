package corelab.modes.threads;

import corelab.modes.server.ServerContext;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * {@code platform}: a fixed pool of platform (operating-system) threads, one connection per
 * thread for as long as it stays open. With more open connections than threads, the rest
 * would wait in the queue, however idle the busy ones are: that is the limit the {@code io}
 * workload runs into. So that no client waits there unseen behind idle connections (10 s of
 * idle timeout each), connections beyond the pool size are closed at once instead.
 */
public final class PlatformServer extends BlockingModeServer {
    public PlatformServer(ServerContext context) throws IOException {
        super(context,
                Executors.newFixedThreadPool(context.options().threads(),
                        Thread.ofPlatform().name("corelab-platform-", 1).factory()),
                Math.min(context.options().threads(), context.options().limits().maxConnections()));
    }
}
