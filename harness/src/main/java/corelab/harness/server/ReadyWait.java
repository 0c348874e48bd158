package corelab.harness.server;

import corelab.modes.process.ProcessTree;
import corelab.modes.wire.ReadyLine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a server just started to be ready, and turns every way it can fail into one
 * IOException whose message says what happened and what the server last said. A server
 * that fails is stopped, its whole tree, before the exception leaves.
 */
final class ReadyWait {
    /** How long to wait for the last output of a server that has exited. */
    private static final Duration OUTPUT_END_WAIT = Duration.ofSeconds(5);
    private static final int LINES_IN_MESSAGE = 10;
    private static final long PROBE_INTERVAL_MILLIS = 50;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private ReadyWait() {
    }

    /** A corelab server is ready when it prints its {@link ReadyLine}. */
    static ReadyLine forReadyLine(Process server, OutputPump output, Duration timeout, String what)
            throws IOException {
        try {
            return output.ready().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw exited(server, output, what);
        } catch (TimeoutException e) {
            throw notReady(server, output, what + " printed no " + ReadyLine.PREFIX + " line within " + seconds(timeout));
        } catch (InterruptedException e) {
            throw interrupted(server, what);
        }
    }

    /**
     * A foreign server is ready when its port accepts a connection. The port was free a
     * moment before the server started, so whoever listens on it now is the server.
     */
    static void forPort(Process server, OutputPump output, InetSocketAddress address, Duration timeout,
                        String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (!server.isAlive()) {
                    throw exited(server, output, what);
                }
                if (accepts(address)) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw notReady(server, output, what + " did not accept a connection on "
                            + address.getHostString() + ":" + address.getPort() + " within " + seconds(timeout));
                }
                Thread.sleep(PROBE_INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            throw interrupted(server, what);
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket probe = new Socket()) {
            probe.connect(address, CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static IOException exited(Process server, OutputPump output, String what) throws InterruptedIOException {
        try {
            output.awaitEnd(OUTPUT_END_WAIT); // its last words may still be in the pipe
            boolean gone = server.waitFor(OUTPUT_END_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            String how = gone ? "exited with code " + server.exitValue() : "closed its output";
            ProcessTree.stop(server, ServerProcess.STOP_GRACE); // what it started may still run
            return new IOException(what + " " + how + " before it was ready" + lastOutput(output));
        } catch (InterruptedException e) {
            throw interrupted(server, what);
        }
    }

    private static IOException notReady(Process server, OutputPump output, String message) {
        ProcessTree.stop(server, ServerProcess.STOP_GRACE);
        return new IOException(message + " (stopped it)" + lastOutput(output));
    }

    private static InterruptedIOException interrupted(Process server, String what) {
        ProcessTree.stop(server, Duration.ZERO);
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while waiting for " + what + " to be ready (stopped it)");
    }

    private static String lastOutput(OutputPump output) {
        List<String> lines = output.recentLines();
        if (lines.isEmpty()) {
            return "; it printed nothing";
        }
        if (lines.size() == 1) {
            return ": " + lines.get(0);
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - LINES_IN_MESSAGE), lines.size());
        return "; its last output:\n  " + String.join("\n  ", last);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
