package corelab.harness.profile;

import corelab.results.FlightRecordingResult;
import corelab.results.FlightRecordingResult.Durations;
import corelab.results.FlightRecordingResult.ProcessRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The events that teach, read from a configuration's {@code .jfr} files with the JDK's own reader
 * ({@code jdk.jfr.consumer.RecordingFile}) and added up over its processes and trials. Seconds are
 * counted from each trial's first event, and the trials are laid end to end.
 */
final class FlightRecordings {
    /** The JDK names its virtual-thread carriers' thread group so (jdk.internal.misc.CarrierThread). */
    static final String CARRIER_GROUP = "CarrierThreads";

    private final Kind pinned = new Kind();
    private final Kind parks = new Kind();
    private final Kind socketReads = new Kind();
    private final Kind socketWrites = new Kind();
    private final Kind gcPauses = new Kind();
    private final List<Double> carrierCpuBySecond = new ArrayList<>();
    private final Set<Long> carriers = new HashSet<>();
    private long submitFailed;
    private int trialOffsetSeconds;

    private FlightRecordings() {
    }

    /** {@code trials}: per trial, in order, the files of each of the server's processes. */
    static FlightRecordingResult summarize(List<List<Path>> trials, List<ProcessRecording> processes)
            throws IOException {
        FlightRecordings sum = new FlightRecordings();
        for (List<Path> trial : trials) {
            sum.addTrial(trial);
        }
        int seconds = sum.trialOffsetSeconds;
        if (!sum.carriers.isEmpty()) {
            grow(sum.carrierCpuBySecond, seconds - 1, 0.0);
        }
        return new FlightRecordingResult(processes, sum.pinned.durations(seconds), sum.submitFailed,
                sum.parks.durations(seconds), sum.socketReads.durations(seconds), sum.socketWrites.durations(seconds),
                sum.gcPauses.durations(seconds), sum.carriers.size(), sum.carrierCpuBySecond);
    }

    private void addTrial(List<Path> files) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        for (Path file : files) {
            events.addAll(RecordingFile.readAllEvents(file));
        }
        Instant start = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElse(null);
        int seconds = 0;
        for (RecordedEvent event : events) {
            int second = trialOffsetSeconds + (int) Duration.between(start, event.getStartTime()).toSeconds();
            seconds = Math.max(seconds, second - trialOffsetSeconds + 1);
            switch (event.getEventType().getName()) {
                case "jdk.VirtualThreadPinned" -> pinned.add(event.getDuration(), second);
                case "jdk.VirtualThreadSubmitFailed" -> submitFailed++;
                case "jdk.ThreadPark" -> parks.add(event.getDuration(), second);
                case "jdk.SocketRead" -> socketReads.add(event.getDuration(), second);
                case "jdk.SocketWrite" -> socketWrites.add(event.getDuration(), second);
                case "jdk.GarbageCollection" -> gcPauses.add(event.getDuration("sumOfPauses"), second);
                case "jdk.ThreadCPULoad" -> carrierCpu(event, second);
                default -> { } // an event the recorder adds by itself
            }
        }
        trialOffsetSeconds += seconds;
    }

    private void carrierCpu(RecordedEvent event, int second) {
        RecordedThread thread = event.getThread();
        if (thread == null || thread.getThreadGroup() == null
                || !CARRIER_GROUP.equals(thread.getThreadGroup().getName())) {
            return;
        }
        carriers.add(thread.getId());
        grow(carrierCpuBySecond, second, 0.0);
        carrierCpuBySecond.set(second, carrierCpuBySecond.get(second) + event.getFloat("user")
                + event.getFloat("system"));
    }

    private static <T> void grow(List<T> list, int index, T zero) {
        while (list.size() <= index) {
            list.add(zero);
        }
    }

    /** One kind of event: its durations, and how many fell in each second. */
    private static final class Kind {
        private final List<Duration> durations = new ArrayList<>();
        private final List<Long> countBySecond = new ArrayList<>();

        void add(Duration duration, int second) {
            durations.add(duration);
            grow(countBySecond, second, 0L);
            countBySecond.set(second, countBySecond.get(second) + 1);
        }

        /** {@code seconds}: how long the trials were, laid end to end; each second has its count, 0 included. */
        Durations durations(int seconds) {
            grow(countBySecond, seconds - 1, 0L);
            double[] millis = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
            double total = 0;
            for (double m : millis) {
                total += m;
            }
            return new Durations(millis.length, total, percentile(millis, 0.50), percentile(millis, 0.99),
                    millis.length == 0 ? null : millis[millis.length - 1], countBySecond);
        }

        /** The nearest-rank percentile; null of nothing. */
        private static Double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return null;
            }
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }
}
