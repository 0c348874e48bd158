package corelab.results;

import java.util.List;
import java.util.Objects;

/**
 * What the JDK Flight Recorder saw in a server during a configuration's measured trials, with
 * {@code -Dprofile=jfr}: each process's {@code .jfr} file (relative to the results folder, for JDK
 * Mission Control) and the few events that teach, over all processes and trials. Durations are
 * of the events the recorder kept, which has thresholds (a park or a socket wait of 1 ms or more;
 * every pin; every GC) and caps socket events at 100 a second. A {@code ...BySecond} list is one
 * entry per second of the trials laid end to end. {@code carrierCpuBySecond}: the virtual-thread
 * carriers' CPU (jdk.ThreadCPULoad, user plus system, added over carriers and processes) as a share
 * of the machine's CPUs, as the JDK reports it; empty where no carrier ran.
 */
public record FlightRecordingResult(List<ProcessRecording> processes, Durations pinned, long submitFailed,
                                    Durations parks, Durations socketReads, Durations socketWrites,
                                    Durations gcPauses, int carriers, List<Double> carrierCpuBySecond) {
    public FlightRecordingResult {
        processes = List.copyOf(processes);
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(parks, "parks");
        Objects.requireNonNull(socketReads, "socketReads");
        Objects.requireNonNull(socketWrites, "socketWrites");
        Objects.requireNonNull(gcPauses, "gcPauses");
        carrierCpuBySecond = List.copyOf(carrierCpuBySecond);
        if (submitFailed < 0 || carriers < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + submitFailed + " and " + carriers);
        }
    }

    /** One JVM's recording: {@code role} server, primary or worker; {@code events} how many it holds. */
    public record ProcessRecording(String role, int workerId, long pid, long events, String file) {
        public ProcessRecording {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * How many events of one kind, their total duration and percentiles (null when there was none),
     * and how many fell in each second.
     */
    public record Durations(long count, double totalMillis, Double p50Millis, Double p99Millis, Double maxMillis,
                            List<Long> countBySecond) {
        public Durations {
            if (count < 0 || totalMillis < 0) {
                throw new IllegalArgumentException("a count and a total are >= 0, were " + count + ", " + totalMillis);
            }
            countBySecond = List.copyOf(countBySecond);
        }
    }
}
