package corelab.harness.load;

import corelab.modes.process.Uninterruptibles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One platform thread with its own selector and its share of the connections, handling one
 * event at a time. It sleeps until an answer arrives or the earliest connection timer comes
 * (the open model's next due time, a deadline, a reconnect), so it never spins, and its CPU
 * time, read by {@link #cpuNanos()}, shows whether the generator itself is the bottleneck.
 */
final class GeneratorThread {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /** The longest a sub-millisecond wait goes without looking at the sockets when an answer may come. */
    private static final long PARK_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** The longest sleep whatever the timers say: a safety net, not a tick. */
    private static final long MAX_SELECT_MILLIS = 1000;

    static {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true); // the saturation check depends on it
        }
    }

    private final Thread thread;
    private final Selector selector;
    private final LoadPlan plan;
    private final List<Integer> cpus;
    private final List<ClientConnection> connections = new ArrayList<>();
    private final SocketChannel[] openedByConnection;
    private final LoadAccumulator tally;
    private volatile RunQueueWait runQueueWait;
    // one read buffer for all connections: a read is parsed to the end before the next one starts
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Consumer<SelectionKey> onSelected = this::onSelected;
    private volatile boolean running = true;
    private volatile boolean finishingInFlight;
    private volatile Throwable failure;
    private volatile long finalCpuNanos = -1;
    private long earliestTimerNanos = ClientConnection.NO_TIMER; // never later than any connection's timer

    /**
     * Drives connections {@code connectionIndexes}; {@code openedByConnection[i]} is the socket
     * {@link LoadGenerator#start} connected for connection {@code i}, or null if that failed. The thread
     * pins itself to {@code cpus} (none: no pinning) before its first request.
     */
    GeneratorThread(String name, LoadPlan plan, AnswerGaps gaps, ConnectionShares shares, int[] connectionIndexes,
                    SocketChannel[] openedByConnection, List<Integer> cpus)
            throws IOException {
        this.cpus = List.copyOf(cpus);
        this.plan = plan;
        this.tally = new LoadAccumulator(gaps);
        this.openedByConnection = openedByConnection;
        this.selector = Selector.open();
        for (int index : connectionIndexes) {
            connections.add(new ClientConnection(index, plan, selector, tally, shares.of(index)));
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Asks the thread to stop; it closes its connections and selector on the way out. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    /**
     * Asks the thread to send no more requests, to wait for the answers in flight (each
     * until it is answered or times out), and then to stop as {@link #stop()} does.
     */
    void stopAfterInFlight() {
        finishingInFlight = true;
        selector.wakeup();
    }

    /** Waits for the thread to end, even if interrupted (the interrupt is kept): none may be left behind. */
    void join() {
        Uninterruptibles.join(thread);
    }

    /** For a thread that never started: releases what the constructor opened. */
    void discard() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    String name() {
        return thread.getName();
    }

    LoadAccumulator tally() {
        return tally;
    }

    /** What ended the thread other than {@link #stop()}: a bug, which makes every figure suspect. */
    Throwable failure() {
        return failure;
    }

    /** Time the thread has waited for a CPU so far, from the kernel; {@link RunQueueWait#UNKNOWN} if not known. */
    long runQueueWaitNanos() {
        RunQueueWait wait = runQueueWait;
        return wait == null ? RunQueueWait.UNKNOWN : wait.nanos();
    }

    /** CPU time the thread has used so far, 0 before it starts. */
    long cpuNanos() {
        long cpu = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.threadId()) : 0;
        return cpu >= 0 ? cpu : Math.max(0, finalCpuNanos); // -1: not started yet, or ended
    }

    private void run() {
        runQueueWait = RunQueueWait.ofCurrentThread();
        try {
            if (!cpus.isEmpty()) {
                ThreadAffinity.pinCurrentThread(cpus); // a failure ends the thread, and sample() says so
            }
            long now = plan.now();
            for (ClientConnection connection : connections) {
                connection.begin(openedByConnection[connection.index()], now);
            }
            earliestTimerNanos = now;
            boolean sendingStopped = false;
            while (running) {
                if (finishingInFlight) {
                    if (!sendingStopped) {
                        connections.forEach(ClientConnection::stopSending);
                        sendingStopped = true;
                    }
                    if (noneWaitingOnServer()) {
                        break;
                    }
                }
                now = plan.now();
                if (now >= earliestTimerNanos) {
                    earliestTimerNanos = runTimers(now);
                }
                waitForEvents(earliestTimerNanos - now);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            connections.forEach(ClientConnection::close);
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (THREADS.isThreadCpuTimeSupported()) {
                finalCpuNanos = THREADS.getCurrentThreadCpuTime();
            }
        }
    }

    /** Runs every timer that has come and returns the earliest one left. */
    private long runTimers(long now) {
        long earliest = ClientConnection.NO_TIMER;
        for (ClientConnection connection : connections) {
            if (connection.timerNanos() <= now) {
                connection.onTimer(now);
            }
            earliest = Math.min(earliest, connection.timerNanos());
        }
        return earliest;
    }

    /**
     * Selects until an event or the next timer. epoll sleeps in whole milliseconds: rounding
     * up would send open-model requests up to a millisecond late, and the corrected latency
     * would count that lateness against the server. So the thread sleeps the whole
     * milliseconds in select, and the rest in parks, which are precise to tens of
     * microseconds: one park when no answer can arrive meanwhile, short ones with a look
     * at the sockets between them when one can, so the answer is not read late either.
     */
    private void waitForEvents(long waitNanos) throws IOException {
        if (waitNanos <= 0) {
            selector.selectNow(onSelected);
        } else if (waitNanos >= NANOS_PER_MILLI) {
            selector.select(onSelected, Math.min(MAX_SELECT_MILLIS, waitNanos / NANOS_PER_MILLI));
        } else {
            LockSupport.parkNanos(noneWaitingOnServer() ? waitNanos : Math.min(waitNanos, PARK_SLICE_NANOS));
            selector.selectNow(onSelected);
        }
    }

    private boolean noneWaitingOnServer() {
        for (ClientConnection connection : connections) {
            if (connection.waitingOnServer()) {
                return false;
            }
        }
        return true;
    }

    private void onSelected(SelectionKey key) {
        ClientConnection connection = (ClientConnection) key.attachment();
        connection.onReady(key, readBuffer);
        earliestTimerNanos = Math.min(earliestTimerNanos, connection.timerNanos());
    }
}
