package corelab.harness.load;

import corelab.results.ConnectionResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives load at one server over loopback and checks every answer: a non-blocking HTTP/1.1
 * client on {@link java.nio.channels.Selector}s, because {@code java.net.http.HttpClient}
 * spends enough CPU per request to become the bottleneck on a two-core machine. It runs in
 * the harness JVM, never in the server's.
 *
 * <p>{@link #start()} opens every connection and starts the generator threads; the load runs
 * until {@link #close()}. {@link #sample()} returns what happened since the previous sample.
 *
 * <p>With a {@link CounterLedger}, the counts of {@code counter} answers go there, and
 * {@link #close()} first lets the requests in flight be answered (sending no more), so that
 * every increment the server made is in the ledger.
 */
public final class LoadGenerator implements AutoCloseable {
    private final InetSocketAddress server;
    private final LoadSpec spec;
    private final List<RequestTemplate> requests;
    private final CounterLedger ledger;
    private final List<GeneratorThread> threads = new ArrayList<>();
    private boolean started;
    private boolean closed;
    private LoadPlan plan;
    private AnswerGaps answerGaps;
    private ConnectionShares connectionShares;
    // where the previous sample left off
    private long previousEndNanos;
    private long previousCpuNanos;
    private long previousWaitNanos;

    /** {@code requests} are cycled round-robin on each connection, each connection starting at a different one. */
    public LoadGenerator(InetSocketAddress server, LoadSpec spec, List<RequestTemplate> requests) {
        this(server, spec, requests, null);
    }

    /** As above; {@code ledger}, if not null, receives the count of every {@code counter} answer. */
    public LoadGenerator(InetSocketAddress server, LoadSpec spec, List<RequestTemplate> requests, CounterLedger ledger) {
        if (server == null || server.isUnresolved()) {
            throw new IllegalArgumentException("the server needs a resolved address, was " + server);
        }
        if (spec == null) {
            throw new IllegalArgumentException("a load spec is required");
        }
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("at least one request is required");
        }
        this.server = server;
        this.spec = spec;
        this.requests = List.copyOf(requests);
        this.ledger = ledger;
    }

    /** Opens all connections and starts the load; throws if not even one connection could be opened. */
    public synchronized void start() throws IOException {
        if (closed || started) {
            throw new IllegalStateException(closed ? "the load generator is closed" : "the load generator is already started");
        }
        SocketChannel[] opened = connectAll();
        String hostHeader = hostAndPort(server);
        plan = new LoadPlan(server, requests.stream().map(r -> EncodedRequest.of(r, hostHeader)).toList(),
                spec.model() instanceof LoadModel.Open open ? ArrivalSchedule.of(open, spec.connections()) : null,
                TimeUnit.MILLISECONDS.toNanos(spec.requestTimeoutMillis()), System.nanoTime(), spec.requestsPerConnection());
        answerGaps = new AnswerGaps(plan.originNanos());
        connectionShares = new ConnectionShares(spec.connections(), 0);
        try {
            for (int t = 0; t < spec.threads(); t++) {
                threads.add(new GeneratorThread("corelab-load-" + (t + 1), plan, answerGaps, connectionShares,
                        connectionsOf(t), opened, spec.cpus()));
            }
        } catch (IOException | RuntimeException e) {
            for (GeneratorThread thread : threads) {
                thread.discard();
            }
            threads.clear();
            closeAll(opened);
            throw e;
        }
        started = true;
        previousEndNanos = plan.originNanos();
        threads.forEach(GeneratorThread::start);
    }

    /**
     * Everything since the previous sample (or the start). Safe from any thread; the
     * generator threads go on undisturbed. Throws {@link IllegalStateException} if a
     * generator thread died of a bug, since its figures would then be missing.
     */
    public synchronized LoadInterval sample() {
        if (!started) {
            throw new IllegalStateException("sample() before start()");
        }
        for (GeneratorThread thread : threads) {
            if (thread.failure() != null) {
                throw new IllegalStateException("load generator thread " + thread.name() + " failed: " + thread.failure(),
                        thread.failure());
            }
        }
        long endNanos = System.nanoTime();
        Histogram latency = LoadAccumulator.newHistogram();
        Histogram uncorrectedLatency = LoadAccumulator.newHistogram();
        LoadCounts counts = LoadCounts.ZERO;
        long cpuNanos = 0;
        long waitNanos = 0;
        for (GeneratorThread thread : threads) {
            counts = counts.plus(thread.tally().drainInto(latency, uncorrectedLatency, ledger));
            cpuNanos += thread.cpuNanos();
            long threadWait = thread.runQueueWaitNanos();
            waitNanos = waitNanos < 0 || threadWait < 0 ? RunQueueWait.UNKNOWN : waitNanos + threadWait;
        }
        long intended = plan.open()
                ? plan.schedule().dueBetween(previousEndNanos - plan.originNanos(), endNanos - plan.originNanos())
                : counts.sent();
        // completed is the histogram's count: throughput and latency describe the very same answers
        LoadInterval interval = new LoadInterval(previousEndNanos, endNanos, counts.sent(), latency.getTotalCount(),
                intended, counts.wrongAnswers(), counts.statusErrors(), counts.timeouts(), counts.connectionErrors(),
                latency, uncorrectedLatency, Math.max(0, cpuNanos - previousCpuNanos), threads.size(),
                waitNanos < 0 ? RunQueueWait.UNKNOWN : Math.max(0, waitNanos - previousWaitNanos));
        previousEndNanos = endNanos;
        previousCpuNanos = cpuNanos;
        previousWaitNanos = Math.max(0, waitNanos);
        return interval;
    }

    /**
     * The silences between correct answers since the start, to {@code nowNanos} ({@link System#nanoTime()}):
     * the one still going on included. Safe from any thread.
     */
    public List<AnswerGaps.Gap> answerGaps(long nowNanos) {
        AnswerGaps gaps;
        synchronized (this) {
            if (!started) {
                throw new IllegalStateException("answerGaps() before start()");
            }
            gaps = answerGaps;
        }
        return gaps.until(nowNanos);
    }

    /**
     * Counts each connection's answers and silences afresh from {@code fromNanos} ({@link System#nanoTime()}),
     * a trial's start: what came before (a re-warm) is left out of {@link #connectionShares}. Safe from any thread.
     */
    public synchronized void countConnectionsFrom(long fromNanos) {
        requireStarted("countConnectionsFrom()");
        connectionShares.countFrom(Math.max(0, fromNanos - plan.originNanos()));
    }

    /**
     * Each connection's correct answers and longest silence (the longest it waited with a request out and no
     * answer, one still going on included) from the start of counting to {@code nowNanos}
     * ({@link System#nanoTime()}), in connection order. Safe from any thread; the generator threads go on.
     */
    public synchronized List<ConnectionResult> connectionShares(long nowNanos) {
        requireStarted("connectionShares()");
        return connectionShares.until(nowNanos - plan.originNanos());
    }

    private void requireStarted(String what) {
        if (!started) {
            throw new IllegalStateException(what + " before start()");
        }
    }

    /**
     * Stops the threads and closes every connection; returns once no generator thread is left.
     * With a ledger, the requests in flight are answered first (or time out), and their counts
     * join the ledger.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ledger != null) {
            threads.forEach(GeneratorThread::stopAfterInFlight);
        } else {
            threads.forEach(GeneratorThread::stop);
        }
        threads.forEach(GeneratorThread::join);
        if (ledger != null) {
            Histogram unused = LoadAccumulator.newHistogram();
            threads.forEach(thread -> thread.tally().drainInto(unused, unused, ledger));
        }
    }

    /**
     * Blocking connects, before any load: a server that cannot be reached at all is an error
     * to report now, while a few refused connections are counted and retried by their threads.
     */
    private SocketChannel[] connectAll() throws IOException {
        SocketChannel[] opened = new SocketChannel[spec.connections()];
        IOException firstFailure = null;
        for (int i = 0; i < opened.length; i++) {
            try {
                opened[i] = connect();
            } catch (IOException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        for (SocketChannel channel : opened) {
            if (channel != null) {
                return opened;
            }
        }
        throw new IOException("cannot connect to " + hostAndPort(server) + ": " + firstFailure.getMessage(), firstFailure);
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // requests are small: never wait to fill a packet
            channel.socket().connect(server, spec.requestTimeoutMillis());
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Connections are dealt round-robin, so each thread's share is spread evenly over the open model's schedule. */
    private int[] connectionsOf(int thread) {
        int[] indexes = new int[(spec.connections() - thread + spec.threads() - 1) / spec.threads()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = thread + k * spec.threads();
        }
        return indexes;
    }

    private static void closeAll(SocketChannel[] channels) {
        for (SocketChannel channel : channels) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** {@code 127.0.0.1:8080}, or {@code [::1]:8080}: the address actually connected to, for the Host header and errors. */
    static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
