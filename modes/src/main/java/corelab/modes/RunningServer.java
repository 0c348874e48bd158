package corelab.modes;

import corelab.modes.cluster.ClusterServer;
import corelab.workloads.Backend;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server of any mode, with the io backend it calls: what {@code -Dserve=true} and every
 * server process run. It starts its own backend unless {@code backendPort} names one.
 */
public final class RunningServer implements AutoCloseable {
    private final ModeServer server;
    private final Backend ownBackend;
    private final ReadyLine readyLine;
    private final LongAdder requestsHandled;

    private RunningServer(ModeServer server, Backend ownBackend, ReadyLine readyLine, LongAdder requestsHandled) {
        this.server = server;
        this.ownBackend = ownBackend;
        this.readyLine = readyLine;
        this.requestsHandled = requestsHandled;
    }

    /**
     * Starts the server {@code options} describe. {@code workerId} is 0 for a server of its
     * own, or a cluster worker's id, in which case it shares its port with its siblings.
     * {@code log} receives a cluster primary's lines about its workers.
     */
    public static RunningServer start(ServerOptions options, int workerId, PrintStream log) throws IOException {
        Backend backend = options.backendPort() == 0 ? Backend.start(options.host(), 0) : null;
        ServerOptions resolved = backend == null ? options : options.withBackendPort(backend.port());
        InetSocketAddress backendAddress = new InetSocketAddress(resolved.host(), resolved.backendPort());
        LongAdder requestsHandled = new LongAdder();
        try {
            Map<String, String> extra = new LinkedHashMap<>();
            ModeServer server;
            if (resolved.mode() == Mode.CLUSTER) {
                server = new ClusterServer(resolved, log);
                extra.put("workers", Integer.toString(resolved.workers()));
                extra.put("workerMode", resolved.workerMode().word());
                extra.put("balance", resolved.balance().word());
            } else {
                if (workerId > 0) {
                    extra.put("worker", Integer.toString(workerId));
                }
                String info = "mode=" + resolved.mode().word() + " pid=" + ProcessHandle.current().pid()
                        + (workerId > 0 ? " worker=" + workerId : "");
                boolean sharePort = workerId > 0 && resolved.balance().workersReusePort();
                server = startInProcess(new ServerContext(resolved, backendAddress, sharePort, info, requestsHandled));
            }
            return new RunningServer(server, backend, ReadyLine.of(resolved.mode().word(), server.address(), extra),
                    requestsHandled);
        } catch (IOException | RuntimeException e) {
            if (backend != null) {
                backend.close();
            }
            throw e;
        }
    }

    private static ModeServer startInProcess(ServerContext context) throws IOException {
        return switch (context.options().mode()) {
            case SINGLE -> new SingleServer(context);
            case PLATFORM -> new PlatformServer(context);
            case VIRTUAL -> new VirtualServer(context);
            case OFFLOAD -> new OffloadServer(context);
            case CLUSTER -> throw new IllegalArgumentException("a cluster is not an in-process mode");
        };
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public ReadyLine readyLine() {
        return readyLine;
    }

    /** Requests this process handled; always 0 for a cluster primary, whose workers count their own. */
    public long requestsHandled() {
        return requestsHandled.sum();
    }

    /** See {@link ModeServer#disconnect}. */
    public void disconnect(Duration grace) {
        server.disconnect(grace);
    }

    /** Completes, with the reason, if the server stopped by itself (see {@link ModeServer#failure}). */
    public CompletableFuture<String> failure() {
        return server.failure();
    }

    /** The cluster's primary, for a {@code cluster} server. */
    public Optional<ClusterServer> cluster() {
        return server instanceof ClusterServer cluster ? Optional.of(cluster) : Optional.empty();
    }

    @Override
    public void close() {
        server.close();
        if (ownBackend != null) {
            ownBackend.close();
        }
    }
}
