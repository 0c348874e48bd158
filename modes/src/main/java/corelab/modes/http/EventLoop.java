package corelab.modes.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One thread, one selector: everything registered here runs on that thread, one event at a
 * time, as in Node.js. The loop must never block: a blocking call in any callback stalls
 * every connection this loop serves, which is exactly what the {@code single} mode shows
 * on the {@code cpu} workload.
 *
 * <p>Other threads hand work to the loop through {@link #execute}, never by touching its
 * channels directly.
 */
public final class EventLoop implements Executor, AutoCloseable {
    /** How often periodic work (idle timeouts) runs. */
    static final long TICK_MILLIS = 250;

    /** Something registered with the loop that reacts when its channel is ready. */
    public interface Ready {
        void onReady(SelectionKey key) throws IOException;

        /** The loop could not run {@link #onReady}: release everything; the loop goes on. */
        void close();
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Runnable> tickers = new ArrayList<>();
    private final Thread thread;
    private final Halt halt;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    /** A loop that halts the process if an {@link Error} escapes it (see {@link Halt}). */
    public EventLoop(String name) {
        this(name, Halt.PROCESS);
    }

    public EventLoop(String name, Halt halt) {
        this.halt = halt;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = Thread.ofPlatform().name(name).unstarted(this::run);
    }

    public EventLoop start() {
        thread.start();
        return this;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, after the events at hand; safe from any thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Registers a channel; call on the loop thread (or before {@link #start}). */
    public SelectionKey register(SelectableChannel channel, int ops, Ready ready) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops, ready);
    }

    /** Adds work that runs on the loop every {@value #TICK_MILLIS} ms; call before {@link #start}. */
    public void everyTick(Runnable ticker) {
        tickers.add(ticker);
    }

    private void run() {
        long nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
        try {
            while (running) {
                selector.select(this::dispatch, TICK_MILLIS);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runSafely(task);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    tickers.forEach(this::runSafely);
                    nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                System.err.println("corelab: event loop " + thread.getName() + " failed: " + e);
            }
        } catch (Error e) {
            halt.halt("corelab: event loop " + thread.getName() + " died of " + e + "; halting the process (exit "
                    + Halt.EXIT_STATUS + ") so that it is restarted rather than left running deaf", e);
        } finally {
            release();
        }
    }

    /** Closes everything registered, then the selector; runs once, on the loop thread or in place of it. */
    private void release() {
        try {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Ready ready) {
                    ready.close();
                }
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        } finally {
            stopped.countDown();
        }
    }

    private void dispatch(SelectionKey key) {
        Ready ready = (Ready) key.attachment();
        try {
            if (key.isValid()) {
                ready.onReady(key);
            }
        } catch (IOException | RuntimeException e) {
            // One broken connection (or a bug it triggers) must not end the loop for all the others.
            ready.close();
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            System.err.println("corelab: a task on the event loop failed: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            // Never started (its owner failed to start): no loop thread will release the selector.
            if (stopped.getCount() > 0) {
                release();
            }
            return;
        }
        selector.wakeup();
        if (!inLoop()) {
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
