package corelab.harness.load;

/**
 * When each request of the open model is due. The arrivals form one evenly spaced sequence,
 * request {@code j} due {@code j / rate} seconds after the start, dealt round-robin to the
 * connections: connection {@code i} sends requests {@code i, i + C, i + 2C, ...}, so each
 * connection sends every {@code C / rate} seconds, offset from its neighbours by {@code 1 / rate}.
 *
 * <p>The schedule never waits for the server. A request is due when it is due, whether or not
 * its connection is free: latency counted from here includes the time it spent queued behind
 * a slow answer, which is what coordinated omission would otherwise hide.
 *
 * @param nanosPerRequest the spacing of the whole sequence, {@code 1e9 / rate}
 * @param connections     how many connections share it
 */
record ArrivalSchedule(double nanosPerRequest, int connections) {

    static ArrivalSchedule of(LoadModel.Open model, int connections) {
        return new ArrivalSchedule(1e9 / model.ratePerSecond(), connections);
    }

    /** When request number {@code number} of {@code connection} is due, in nanoseconds after the start. */
    long dueNanos(int connection, long number) {
        return (long) ((number * connections + connection) * nanosPerRequest);
    }

    /** How many requests (of all connections) are due in {@code [fromNanos, toNanos)} after the start. */
    long dueBetween(long fromNanos, long toNanos) {
        return dueBefore(toNanos) - dueBefore(fromNanos);
    }

    /** Request {@code j} is due before {@code nanos} when {@code floor(j * spacing) < nanos}, that is {@code j < nanos / spacing}. */
    private long dueBefore(long nanos) {
        return nanos <= 0 ? 0 : (long) Math.ceil(nanos / nanosPerRequest);
    }
}
