package corelab.harness.server;

import corelab.modes.wire.WorkerOnlineLine;

/**
 * A cluster worker that began to listen, from the primary's {@link WorkerOnlineLine}: its id
 * (a restarted worker keeps it, and gets a new pid), its pid, and when the harness read the
 * line ({@link System#nanoTime()}).
 */
public record WorkerOnline(int id, long pid, long seenNanos) {
}
