package corelab.modes.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a child's output line by line on a daemon thread of its own, for as long as the
 * child writes. Someone must: a child that writes to a full pipe blocks, and a blocked
 * server measures as a slow one. What a line means is the caller's business (the wire's
 * records say which lines are corelab's).
 */
public final class LinePump {
    private LinePump() {
    }

    /**
     * Hands each line of {@code output} (UTF-8) to {@code eachLine}, then runs {@code atEnd},
     * both on a new daemon thread named {@code threadName}. {@code atEnd} runs however the
     * reading ends: at end-of-stream, or when the pipe breaks, which means the same (the child
     * is gone). {@code eachLine} should not throw: an exception ends the reading, and a child
     * nobody reads from stops at its next full pipe.
     */
    public static void start(String threadName, InputStream output, Consumer<String> eachLine, Runnable atEnd) {
        Thread.ofPlatform().daemon(true).name(threadName).start(() -> pump(output, eachLine, atEnd));
    }

    private static void pump(InputStream output, Consumer<String> eachLine, Runnable atEnd) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                eachLine.accept(line);
            }
        } catch (IOException ignored) {
            // the pipe broke: the child is gone, as at end-of-stream
        } finally {
            atEnd.run();
        }
    }
}
