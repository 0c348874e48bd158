package corelab.modes.http;

/**
 * How long to stop accepting after accept() failed. It fails over and over when the
 * process is out of file descriptors (EMFILE): the pending connection stays queued, so
 * retrying at once would spin a core and starve the connections being served. The pause
 * doubles while the failures last and starts small again after an accept succeeds.
 */
final class AcceptBackoff {
    static final long FIRST_PAUSE_MILLIS = 10;
    static final long MAX_PAUSE_MILLIS = 1000;

    private long nextPauseMillis = FIRST_PAUSE_MILLIS;

    /** The pause after this failure; says so on stderr when a run of failures begins. */
    long failed(String server, Exception error) {
        long pause = nextPauseMillis;
        if (pause == FIRST_PAUSE_MILLIS) {
            System.err.println("corelab: " + server + " cannot accept connections (" + error.getMessage()
                    + "): pausing accepts, up to " + MAX_PAUSE_MILLIS + " ms at a time, until it can again");
        }
        nextPauseMillis = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        return pause;
    }

    void succeeded() {
        nextPauseMillis = FIRST_PAUSE_MILLIS;
    }
}
