package corelab.modes.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * nginx's lingering close, after an error answer sent while the client may still be
 * sending: shut down output (the answer and a FIN go out), read and discard what comes
 * for at most {@link #MAX_MILLIS} or {@link #MAX_BYTES}, then close. Closing at once with
 * unread input makes the kernel send RST, and a reset can destroy the answer in the
 * client's receive buffer before it reads it.
 */
final class LingeringClose {
    static final long MAX_MILLIS = 1000;
    static final int MAX_BYTES = 64 * 1024;

    private LingeringClose() {
    }

    static long deadlineNanos() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_MILLIS);
    }

    /** The blocking transport's version: this thread serves only this connection, so it may wait. */
    static void drain(SocketChannel connection) {
        try {
            connection.shutdownOutput();
            InputStream in = connection.socket().getInputStream();
            byte[] discard = new byte[8192];
            long deadline = deadlineNanos();
            int drained = 0;
            while (drained < MAX_BYTES) {
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    return;
                }
                connection.socket().setSoTimeout((int) leftMillis);
                int read = in.read(discard);
                if (read < 0) {
                    return;
                }
                drained += read;
            }
        } catch (SocketTimeoutException e) {
            // lingered long enough
        } catch (IOException e) {
            // the client is gone: nothing left to protect
        }
    }

    /** Waits until a non-blocking channel is readable or {@code deadlineNanos} has passed; false: it passed. */
    @FunctionalInterface
    interface ReadableWait {
        boolean awaitReadable(long deadlineNanos) throws IOException;
    }

    /**
     * The same for a channel that a selector holds, so cannot be made blocking: read what is
     * there, and wait for more through {@code wait}. Its thread serves only this connection
     * meanwhile, as in {@link #drain(SocketChannel)}.
     */
    static void drain(SocketChannel connection, ReadableWait wait) {
        try {
            connection.shutdownOutput();
            ByteBuffer discard = ByteBuffer.allocate(8192);
            long deadline = deadlineNanos();
            int drained = 0;
            while (drained < MAX_BYTES) {
                discard.clear();
                int read = connection.read(discard);
                if (read < 0 || (read == 0 && !wait.awaitReadable(deadline))) {
                    return;
                }
                drained += read;
            }
        } catch (IOException e) {
            // the client is gone: nothing left to protect
        }
    }
}
