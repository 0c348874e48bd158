package corelab.modes.cluster;

import corelab.modes.process.LinePump;
import corelab.modes.process.ProcessTree;
import corelab.modes.process.Uninterruptibles;
import corelab.modes.wire.ChannelMessage;
import corelab.modes.wire.DisconnectLine;
import corelab.modes.wire.ForwardedLine;
import corelab.modes.wire.MessageLine;
import corelab.modes.wire.ReadyLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One worker process as its primary sees it: Node.js's {@code Worker}. Its standard input
 * and output are the channel between the two (see {@link WorkerChannel} for the worker's
 * side): the primary writes {@link MessageLine}s and {@link DisconnectLine}s to it, and
 * reads its {@link ReadyLine}, its {@link MessageLine}s and the rest of its output, which is
 * passed on as {@link ForwardedLine}s, with the worker's id in front.
 */
public final class Worker {
    /** Node.js's default has no timeout at all; pm2's {@code kill_timeout} is 1.6 s. */
    public static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #disconnect()} lets in-flight requests finish. */
    public static final Duration DISCONNECT_GRACE = Duration.ofSeconds(10);

    /** How a worker was started, so that a restart or a reload starts it the same way. */
    record Spec(Map<String, String> environment, List<String> jvmFlags) {
        Spec {
            environment = Map.copyOf(environment);
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    private final int id;
    private final Spec spec;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final OutputStream toWorker;
    private final CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
    private final CompletableFuture<WorkerExit> exited = new CompletableFuture<>();
    private volatile boolean exitedAfterDisconnect;

    Worker(int id, Spec spec, Process process) {
        this.id = id;
        this.spec = spec;
        this.process = process;
        this.toWorker = process.getOutputStream();
    }

    /** Reads the worker's output until it ends, then waits for the process and reports its exit. */
    void pump(Cluster cluster) {
        LinePump.start("corelab-worker-" + id + "-" + pid(), process.getInputStream(),
                line -> route(line, cluster), () -> exited(cluster));
    }

    private void exited(Cluster cluster) {
        int exitCode = Uninterruptibles.waitFor(process);
        listening.completeExceptionally(new IOException("worker " + id + " (pid " + pid()
                + ") exited with " + WorkerExit.of(this, exitCode, false).describe() + " before it was listening"));
        WorkerExit exit = WorkerExit.of(this, exitCode, exitedAfterDisconnect);
        cluster.exited(exit); // first, so the registry no longer holds a worker that exited() says is gone
        exited.complete(exit);
    }

    /** The first ready line makes it listening; a message goes to the listeners; the rest is output. */
    private void route(String line, Cluster cluster) {
        Optional<ReadyLine> ready = listening.isDone() ? Optional.empty() : ReadyLine.parse(line);
        if (ready.isPresent()) {
            InetSocketAddress address = new InetSocketAddress(ready.get().host(), ready.get().port());
            cluster.listening(this, address); // first, as for exited()
            listening.complete(address);
            return;
        }
        Optional<MessageLine> message = MessageLine.parse(line);
        if (message.isPresent()) {
            cluster.message(this, message.get().text());
        } else {
            cluster.output(new ForwardedLine(id, line).format());
        }
    }

    public int id() {
        return id;
    }

    public long pid() {
        return process.pid();
    }

    Spec spec() {
        return spec;
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Sends one line of text to the worker ({@code process.send} in Node.js). */
    public void send(String message) {
        writeLine(new MessageLine(message).format());
    }

    /** Sends one of corelab's own messages to the worker. */
    public void send(ChannelMessage message) {
        send(message.format());
    }

    private void writeLine(String line) {
        synchronized (toWorker) {
            try {
                toWorker.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                toWorker.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("worker " + id + " (pid " + pid() + ") is gone", e);
            }
        }
    }

    /** SIGTERM, then SIGKILL if it still runs after {@link #KILL_TIMEOUT}. */
    public void kill() {
        kill(KILL_TIMEOUT);
    }

    public void kill(Duration timeout) {
        ProcessTree tree = ProcessTree.of(handle());
        terminate();
        tree.killAfter(timeout);
    }

    /** SIGTERM, and its exit counts as asked for; whoever calls this makes sure it ends. */
    void terminate() {
        exitedAfterDisconnect = true;
        // Through the handle: Process.destroy() would also close our ends of the pipes, and the
        // worker, seeing its stdin end, would exit 0 on its own before the signal could count.
        handle().destroy();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops accepting connections, finishes in-flight requests within {@link #DISCONNECT_GRACE}, then exits. */
    public void disconnect() {
        disconnect(DISCONNECT_GRACE);
    }

    /**
     * As {@link #disconnect()}; a worker that has not exited {@link #KILL_TIMEOUT} after the
     * grace period (it hangs) is killed.
     */
    public void disconnect(Duration grace) {
        exitedAfterDisconnect = true;
        try {
            writeLine(new DisconnectLine(grace).format());
        } catch (UncheckedIOException e) {
            return; // already gone
        }
        ProcessTree.of(handle()).killAfter(grace.plus(KILL_TIMEOUT));
    }

    public boolean isDead() {
        return !process.isAlive();
    }

    /** True once {@link #kill} or {@link #disconnect} was called: an exit that was asked for. */
    public boolean exitedAfterDisconnect() {
        return exitedAfterDisconnect;
    }

    /**
     * Completes with the address once the worker's ready line arrived and its
     * {@code listening} event has fired; fails if it exited first.
     */
    public CompletableFuture<InetSocketAddress> listening() {
        return listening;
    }

    /** Completes once the worker exited and the cluster has handled it (its {@code exit} event has fired). */
    public CompletableFuture<WorkerExit> exited() {
        return exited;
    }

    @Override
    public String toString() {
        return "worker " + id + " (pid " + pid() + ")";
    }
}
