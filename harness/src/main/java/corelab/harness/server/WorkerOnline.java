package corelab.harness.server;

/**
 * A cluster worker that began to listen, from the primary's {@code corelab-worker-online}
 * line: its id (a replacement gets a new one, as in Node.js), its pid, and when the harness
 * read the line ({@link System#nanoTime()}).
 */
public record WorkerOnline(int id, long pid, long seenNanos) {
}
