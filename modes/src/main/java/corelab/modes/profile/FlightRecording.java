package corelab.modes.profile;

import corelab.modes.wire.ProfileDumped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JDK Flight Recorder in this JVM, one recording per measured trial ({@code jdk.jfr.Recording},
 * in-process: no jcmd). A start opens a recording with only the events below, a stop ends it, a
 * dump writes it to {@code <prefix><suffix>.jfr} and closes it, so no recording outlives its
 * trial. Until the dump it lies in the JVM's own repository (a folder under java.io.tmpdir that the
 * JVM deletes at exit): the JDK refuses to dump an in-memory recording once it is stopped. Calls
 * come one at a time from the channel's thread.
 */
final class FlightRecording {
    /**
     * The events that teach, each as cheap as it can be while still seen. The JDK's default.jfc
     * (JDK 25) takes 20 ms for pinning and parks: too coarse for a request that costs tens of
     * microseconds. Pinning is rare since JDK 24 (synchronized no longer pins), so every pin is
     * kept, with its stack for JDK Mission Control. A park or a socket wait of 1 ms or more is
     * kept, without a stack: the carriers' parks are their idle spells (a virtual thread's own park
     * unmounts it and records no {@code jdk.ThreadPark}; a carrier with no virtual thread to run
     * parks in its ForkJoinPool). Socket events keep the JDK's throttle of 100 a second, so their
     * cost has a ceiling. {@code jdk.ThreadCPULoad} once a second gives each thread's CPU share,
     * the carriers' included: a carrier runs a virtual thread, looks for one, or parks, so its CPU
     * share is its occupancy. {@code jdk.VirtualThreadStart}/{@code End} stay off (as in
     * default.jfc): one event per virtual thread, and a thread's lifetime is not its time on a
     * carrier (a virtual thread waiting on a socket is alive but unmounted).
     */
    static final Map<String, String> SETTINGS = settings();

    private final long pid = ProcessHandle.current().pid();
    private final int workerId;
    private final String fileSuffix;
    private Recording recording;
    private boolean loaded;

    /** {@code fileSuffix}: what tells this process's files from the others' of one server ("-worker2", or ""). */
    FlightRecording(int workerId, String fileSuffix) {
        this.workerId = workerId;
        this.fileSuffix = fileSuffix;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        event(settings, "jdk.VirtualThreadPinned", "threshold", "0 ms", "stackTrace", "true");
        event(settings, "jdk.VirtualThreadSubmitFailed", "stackTrace", "true");
        event(settings, "jdk.ThreadPark", "threshold", "1 ms", "stackTrace", "false");
        event(settings, "jdk.SocketRead", "threshold", "1 ms", "throttle", "100/s", "stackTrace", "false");
        event(settings, "jdk.SocketWrite", "threshold", "1 ms", "throttle", "100/s", "stackTrace", "false");
        event(settings, "jdk.GarbageCollection", "threshold", "0 ms");
        event(settings, "jdk.ThreadCPULoad", "period", "1 s");
        return Map.copyOf(settings);
    }

    private static void event(Map<String, String> settings, String event, String... nameValues) {
        settings.put(event + "#enabled", "true");
        for (int i = 0; i < nameValues.length; i += 2) {
            settings.put(event + "#" + nameValues[i], nameValues[i + 1]);
        }
    }

    /**
     * Sets the recorder up without recording a trial: the JDK's first recording in a JVM loads its
     * metadata and starts its threads, 1.2 to 1.4 s on this busy machine (later ones 6 to 70 ms),
     * which must not fall in a trial.
     */
    void load() {
        if (!loaded) {
            try (Recording warm = new Recording(SETTINGS)) {
                warm.start();
                warm.stop();
            }
            loaded = true;
        }
    }

    void start() throws IOException {
        if (recording != null) {
            throw new IOException("a flight recording is already open: a trial's recording is dumped before the next");
        }
        recording = new Recording(SETTINGS);
        recording.setName("corelab-trial");
        recording.start();
    }

    void stop() {
        if (recording != null && recording.getState() == RecordingState.RUNNING) {
            recording.stop();
        }
    }

    boolean open() {
        return recording != null;
    }

    /** Writes the recording to its file and closes it; the answer counts its events. */
    ProfileDumped dump(String prefix) throws IOException {
        if (recording == null) {
            throw new IOException("nothing to dump: no flight recording was started");
        }
        Path file = Path.of(prefix + fileSuffix + ".jfr");
        try {
            stop();
            recording.dump(file);
        } finally {
            recording.close();
            recording = null;
        }
        long events = 0;
        try (RecordingFile read = new RecordingFile(file)) {
            for (; read.hasMoreEvents(); events++) {
                read.readEvent();
            }
        }
        return new ProfileDumped(pid, workerId, ProfileDumped.JFR, events, file.toString());
    }
}
