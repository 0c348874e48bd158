package corelab.modes;

import corelab.modes.process.ChildProcess;
import corelab.modes.process.JvmCommand;
import corelab.modes.process.RecentLines;
import corelab.modes.wire.BackendReadyLine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The io backend's process ({@link BackendMain}), started as a {@link ChildProcess}: its own
 * process group, tied to this JVM, so it dies with its starter however that ends. {@link #start}
 * returns once it accepts connections; {@link #pid()} is what a harness samples to measure the
 * backend apart from the server (its "downstream").
 */
public final class BackendProcess implements AutoCloseable {
    /** A small heap: the backend holds a few buffers per connection, nothing else. */
    private static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    private final ChildProcess process;
    private final BackendReadyLine ready;

    private BackendProcess(ChildProcess process, BackendReadyLine ready) {
        this.process = process;
        this.ready = ready;
    }

    public static BackendProcess start(Duration readyTimeout) throws IOException {
        CompletableFuture<BackendReadyLine> ready = new CompletableFuture<>();
        RecentLines recent = new RecentLines(10);
        ChildProcess process = ChildProcess.start(JvmCommand.forMain(BackendMain.class, JVM_FLAGS, List.of()),
                Path.of("."), line -> BackendReadyLine.parse(line).ifPresentOrElse(ready::complete, () -> recent.add(line)));
        process.exited().thenRun(() -> ready.completeExceptionally(new IOException("exited")));
        try {
            return new BackendProcess(process, ready.get(readyTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.close();
            throw new IOException("the io backend's process " + (e instanceof TimeoutException
                    ? "printed no ready line within " + readyTimeout.toSeconds() + " s" : "exited before it was ready")
                    + "; its last output: " + recent.list());
        } catch (InterruptedException e) {
            process.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the io backend started");
        }
    }

    /** Where servers call it: always 127.0.0.1. */
    public InetSocketAddress address() {
        return new InetSocketAddress(BackendReadyLine.HOST, ready.port());
    }

    public int port() {
        return ready.port();
    }

    /** The backend JVM's pid (the leader of its process group). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "the io backend (pid " + pid() + ") at " + BackendReadyLine.HOST + ":" + port();
    }
}
