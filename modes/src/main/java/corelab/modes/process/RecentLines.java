package corelab.modes.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a child printed, so that an error can say what it said before it failed.
 * Bounded: a child that runs for hours must not fill the heap with its log. Thread-safe:
 * a {@link LinePump} adds, whoever reports a failure reads.
 */
public final class RecentLines {
    private final int capacity;
    private final Deque<String> lines; // guarded by itself

    public RecentLines(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    /** Keeps {@code line}, forgetting the oldest once {@code capacity} are kept. */
    public void add(String line) {
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** The kept lines, oldest first. */
    public List<String> list() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
