package corelab.modes;

import corelab.modes.cluster.ClusterServer;
import corelab.modes.cluster.PrimaryCounter;
import corelab.modes.cluster.WorkerChannel;
import corelab.modes.counter.Counter;
import corelab.modes.counter.LocalCounter;
import corelab.modes.counter.RedisCounter;
import corelab.modes.counter.RedisServer;
import corelab.modes.handoff.WorkerHandoff;
import corelab.modes.options.Balance;
import corelab.modes.options.CounterStore;
import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerOptions;
import corelab.modes.server.CrashEndpoints;
import corelab.modes.server.ModeServer;
import corelab.modes.server.ServerContext;
import corelab.modes.threads.OffloadServer;
import corelab.modes.threads.PlatformServer;
import corelab.modes.threads.PollerServer;
import corelab.modes.threads.SingleServer;
import corelab.modes.threads.VirtualServer;
import corelab.modes.wire.ReadyLine;
import corelab.workloads.Backend;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
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
    /**
     * Where the io backend and Redis are, whatever {@code -Dhost} is: neither asks who calls, so
     * {@code -Dhost=0.0.0.0} must expose the server alone, never an unauthenticated Redis or backend.
     */
    public static final String LOOPBACK = "127.0.0.1";

    private final ModeServer server;
    private final Backend ownBackend;
    private final RedisServer ownRedis;
    private final Counter counter;
    private final ReadyLine readyLine;
    private final LongAdder requestsHandled;

    private RunningServer(ModeServer server, Backend ownBackend, RedisServer ownRedis, Counter counter,
                          ReadyLine readyLine, LongAdder requestsHandled) {
        this.server = server;
        this.ownBackend = ownBackend;
        this.ownRedis = ownRedis;
        this.counter = counter;
        this.readyLine = readyLine;
        this.requestsHandled = requestsHandled;
    }

    /**
     * Starts the server {@code options} describe. {@code workerId} is 0 for a server of its
     * own, or a cluster worker's id, in which case it shares its port with its siblings.
     * {@code log} receives a cluster primary's lines about its workers.
     */
    public static RunningServer start(ServerOptions options, int workerId, PrintStream log) throws IOException {
        return start(options, workerId, null, log);
    }

    /**
     * As {@link #start(ServerOptions, int, PrintStream)}, for a cluster worker that talks with
     * its primary over {@code primary}: how {@code counter=primary} reaches the count.
     */
    public static RunningServer start(ServerOptions options, int workerId, WorkerChannel primary, PrintStream log)
            throws IOException {
        if (workerId == 0) {
            options.checkFitsMode();
        }
        if (options.mode().isNode()) {
            throw new OptionException("mode=" + options.mode().word() + " is the Node.js program: a measured run starts"
                    + " it; to serve it by hand: node servers/node/server.js cluster=" + (options.mode() == Mode.NODE_CLUSTER)
                    + " port=" + options.port());
        }
        Backend backend = null;
        RedisServer redis = null;
        Counter counter = null;
        try {
            backend = options.backendPort() == 0 ? Backend.start(LOOPBACK, 0) : null;
            ServerOptions resolved = backend == null ? options : options.withBackendPort(backend.port());
            if (workerId == 0 && resolved.crashEndpoints() && resolved.crashSecret().isEmpty()) {
                // One per run, made where the run starts: a cluster's workers get it with their options.
                resolved = resolved.withCrashSecret(CrashEndpoints.newSecret());
            }
            if (workerId == 0 && resolved.counter() == CounterStore.REDIS) {
                // The process that starts the server owns the count; a cluster's workers get the port.
                if (resolved.redisPort() == 0) {
                    redis = RedisServer.start(LOOPBACK);
                    resolved = resolved.withRedisPort(redis.port());
                } else {
                    RedisCounter.reset(LOOPBACK, resolved.redisPort());
                }
            }
            InetSocketAddress backendAddress = new InetSocketAddress(LOOPBACK, resolved.backendPort());
            LongAdder requestsHandled = new LongAdder();
            Map<String, String> extra = new LinkedHashMap<>();
            if (workerId == 0 && resolved.crashEndpoints()) {
                extra.put(ReadyLine.CRASH_SECRET, resolved.crashSecret()); // how a person learns it
            }
            ModeServer server;
            if (resolved.mode() == Mode.CLUSTER) {
                server = new ClusterServer(ServerMain.class, resolved, log);
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
                counter = counter(resolved, primary);
                boolean handedOff = workerId > 0 && resolved.balance().handsOffSockets();
                ServerSocketChannel handedListener = handedOff && resolved.balance() == Balance.SHARED
                        ? WorkerHandoff.receiveListener() : null;
                server = startInProcess(new ServerContext(resolved, backendAddress, sharePort, info, requestsHandled,
                        counter, handedListener));
                if (handedOff && resolved.balance() == Balance.RR) {
                    WorkerHandoff.receiveConnections(server); // once its mode serves
                }
            }
            return new RunningServer(server, backend, redis, counter,
                    ReadyLine.of(resolved.mode().word(), server.address(), extra), requestsHandled);
        } catch (IOException | RuntimeException e) {
            closeAll(counter, redis, backend);
            throw e;
        }
    }

    /** The count this process serves {@code /counter} from; a cluster primary keeps its own in {@link ClusterServer}. */
    private static Counter counter(ServerOptions options, WorkerChannel primary) {
        return switch (options.counter()) {
            case LOCAL -> new LocalCounter();
            case PRIMARY -> {
                if (primary == null) {
                    throw new OptionException("counter=primary: this server has no primary to ask");
                }
                yield new PrimaryCounter(primary);
            }
            // A thread mode's request thread may wait for Redis; an event loop must not.
            case REDIS -> RedisCounter.connect(LOOPBACK, options.redisPort(),
                    options.mode().requestHasItsThread());
        };
    }

    private static ModeServer startInProcess(ServerContext context) throws IOException {
        return switch (context.options().mode()) {
            case SINGLE -> new SingleServer(context);
            case PLATFORM -> new PlatformServer(context);
            case VIRTUAL -> new VirtualServer(context);
            case OFFLOAD -> new OffloadServer(context);
            case POLLER -> new PollerServer(context);
            case CLUSTER -> throw new IllegalArgumentException("a cluster is not an in-process mode");
            case NODE, NODE_CLUSTER, NODE_PM2 -> throw new IllegalArgumentException("a Node.js mode is not served by a JVM");
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

    /** See {@link ModeServer#refusedConnections}. */
    public long refusedConnections() {
        return server.refusedConnections();
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
        closeAll(counter, ownRedis, ownBackend);
    }

    /** In this order: the count's clients before the Redis they talk to. Any may be null. */
    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // closing anyway; the rest must still close
                }
            }
        }
    }
}
