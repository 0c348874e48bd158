package corelab.results;

/**
 * What one bucket of processes used in one trial: the server with its front, its downstream services, or the
 * load generator. Memory is a level, not a flow, so it is given as it stood at the trial's end and never divided
 * by requests; a figure that could not be read is null, and the trial's {@link ResourceUse#missing} says why.
 *
 * @param cpuSeconds          user + system CPU time of the bucket's processes (or threads) in the trial
 * @param cpuMicrosPerRequest cpuSeconds per correct answer, in µs; null with no answer
 * @param rssBytes            resident memory at the trial's end: shared pages once per process
 * @param pssBytes            proportional set size at the same instant: each shared page divided between the
 *                            processes that map it
 */
public record ResourceBucket(double cpuSeconds, Double cpuMicrosPerRequest, Long rssBytes, Long pssBytes) {
    public ResourceBucket {
        if (!(cpuSeconds >= 0) || Double.isInfinite(cpuSeconds)) {
            throw new IllegalArgumentException("cpuSeconds must be finite and not negative, was " + cpuSeconds);
        }
    }

    /** {@code cpuSeconds} over {@code requests}, with the memory given (null: unknown). */
    public static ResourceBucket of(double cpuSeconds, long requests, Long rssBytes, Long pssBytes) {
        return new ResourceBucket(cpuSeconds, requests > 0 ? cpuSeconds * 1e6 / requests : null, rssBytes, pssBytes);
    }
}
