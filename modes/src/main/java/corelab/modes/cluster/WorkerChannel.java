package corelab.modes.cluster;

import corelab.modes.wire.ChannelMessage;
import corelab.modes.wire.DisconnectLine;
import corelab.modes.wire.MessageLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The other end of a {@link Worker}: a process's line protocol with whoever started it,
 * over its standard input and output ({@code process.send} and {@code process.on('message')}
 * in a Node.js worker). Lines in: a {@link MessageLine} or a {@link DisconnectLine}; lines
 * out: {@link MessageLine}s. Anything else on stdin is ignored.
 *
 * <p>End of input means the parent is gone: the kernel closes the pipe when it dies, even
 * by SIGKILL, so {@code parentGone} runs and the worker can exit instead of being orphaned.
 */
public final class WorkerChannel {
    private final PrintStream out;
    private final List<Consumer<String>> onMessage = new CopyOnWriteArrayList<>();
    private volatile Consumer<Duration> onDisconnect = grace -> { };

    private WorkerChannel(PrintStream out) {
        this.out = out;
    }

    /** Starts reading {@code in} on a daemon thread. */
    public static WorkerChannel start(InputStream in, PrintStream out, Runnable parentGone) {
        WorkerChannel channel = new WorkerChannel(out);
        Thread.ofPlatform().daemon(true).name("corelab-parent-channel").start(() -> channel.read(in, parentGone));
        return channel;
    }

    private void read(InputStream in, Runnable parentGone) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Optional<MessageLine> message = MessageLine.parse(line);
                if (message.isPresent()) {
                    onMessage.forEach(listener -> listener.accept(message.get().text()));
                } else {
                    DisconnectLine.parse(line).ifPresent(disconnect -> onDisconnect.accept(disconnect.grace()));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a broken pipe means the same as its end: the parent is gone
        }
        parentGone.run();
    }

    /** Sends one line of text to the parent. */
    public void send(String message) {
        String line = new MessageLine(message).format();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Sends one of corelab's own messages to the parent. */
    public void send(ChannelMessage message) {
        send(message.format());
    }

    /**
     * Adds a listener for every message, as {@code process.on('message')} does. Listeners run
     * on the channel's thread: one that blocks holds up the messages after it.
     */
    public void onMessage(Consumer<String> listener) {
        onMessage.add(listener);
    }

    /** Runs on the channel's thread, with the grace period the parent allows. */
    public void onDisconnect(Consumer<Duration> listener) {
        onDisconnect = listener;
    }
}
