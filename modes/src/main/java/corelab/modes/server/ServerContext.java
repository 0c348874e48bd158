package corelab.modes.server;

import corelab.modes.counter.Counter;
import corelab.modes.http.ServerSocketConfig;
import corelab.modes.options.ServerOptions;
import corelab.workloads.CpuKernel;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an in-process mode needs to start: its options, the backend to call for {@code io},
 * whether to share its port with sibling workers, the text {@code /info} answers, the
 * counter of requests handled (read by the stats line that the harness follows), the
 * {@code counter} workload's count, wherever {@code -Dcounter} keeps it, and the listening
 * socket its primary handed it ({@code -Dbalance=shared}), or null to listen itself.
 */
public record ServerContext(ServerOptions options, InetSocketAddress backend, boolean reusePort, String info,
                            LongAdder requestsHandled, Counter counter, ServerSocketChannel handedListener) {

    /** A server that listens itself. */
    public ServerContext(ServerOptions options, InetSocketAddress backend, boolean reusePort, String info,
                         LongAdder requestsHandled, Counter counter) {
        this(options, backend, reusePort, info, requestsHandled, counter, null);
    }

    public ServerSocketConfig socket() {
        return new ServerSocketConfig(options.host(), options.port(), reusePort, options.limits(), handedListener);
    }

    /** CPU work on the calling thread: the request's own thread, or the event loop itself. */
    public static CompletableFuture<Long> inline(long seed, int iterations) {
        return CompletableFuture.completedFuture(CpuKernel.compute(seed, iterations));
    }
}
