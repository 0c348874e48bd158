package corelab.results;

/**
 * What a server's {@code counter} answers added up to, over its whole life up to the end of
 * this configuration (the check before the load, every warmup, every trial, and earlier
 * configurations on the same server). A count shared correctly gives
 * {@code highestCount == requests} and no repeats; a cluster whose workers count for
 * themselves gives about {@code requests / workers}, and repeats.
 *
 * @param requests       correct {@code counter} answers: requests the server counted and answered
 * @param highestCount   the highest count any answer carried
 * @param repeatedCounts answers whose count an earlier answer had carried already
 */
public record CounterCheck(long requests, long highestCount, long repeatedCounts) {
    public CounterCheck {
        if (requests < 0 || highestCount < 0 || repeatedCounts < 0 || repeatedCounts > requests) {
            throw new IllegalArgumentException("impossible counter figures: requests=" + requests
                    + " highestCount=" + highestCount + " repeatedCounts=" + repeatedCounts);
        }
    }

    /** True when every request got its own count, 1 to {@code requests}: the count was right. */
    public boolean exact() {
        return repeatedCounts == 0 && highestCount == requests;
    }

    /** The highest count over the requests, 1.0 when exact; about 1 / workers for local counts in a cluster. */
    public double countedShare() {
        return requests == 0 ? Double.NaN : (double) highestCount / requests;
    }
}
