package corelab.harness.profile;

import static corelab.harness.profile.ProfiledRunTest.run;
import static corelab.harness.profile.ProfiledRunTest.tiny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.FlightRecordingResult;
import corelab.results.FlightRecordingResult.ProcessRecording;
import corelab.results.ProfileResult;
import corelab.results.RunResult;
import corelab.testkit.ProcessGone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs with {@code -Dprofile=...jfr} against real servers: every server JVM writes one .jfr for
 * the measured trials, in the results folder, that the JDK's reader reads and that holds the
 * events enabled; the harness's summary of them lands in results.json.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("slow")
class FlightRecordedRunTest {
    /** The events FlightRecording enables (the test reads the files, not that list). */
    private static final Set<String> ENABLED = Set.of("jdk.VirtualThreadPinned", "jdk.VirtualThreadSubmitFailed",
            "jdk.ThreadPark", "jdk.SocketRead", "jdk.SocketWrite", "jdk.GarbageCollection", "jdk.ThreadCPULoad");

    @Test
    void aVirtualServerWaitingOnItsBackendRecordsParksAndSocketReadsBesideItsFlameGraph(@TempDir Path results)
            throws Exception {
        Map<String, String> options = tiny(results, "virtual", "io", "wall,jfr");
        options.put("backendDelayMillis", "5");
        RunResult run = run(options);
        Path folder = results.resolve(run.runId());
        ProfileResult profile = run.configurations().get(1).profile();
        assertTrue(run.configurations().get(1).configuration().id().endsWith("/profile-wall+jfr"));
        assertEquals("wall+jfr", profile.event());
        assertNotNull(profile.flameGraph(), "async-profiler ran beside the recorder");
        FlightRecordingResult jfr = profile.flightRecording();
        assertNotNull(jfr);
        assertEquals(1, jfr.processes().size());
        Set<String> names = eventNames(folder.resolve(jfr.processes().get(0).file()));
        assertTrue(ENABLED.containsAll(names), "only the enabled events, and the recorder's own none: " + names);
        assertTrue(names.containsAll(List.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.ThreadCPULoad")), names.toString());
        // The carriers park when no virtual thread is ready: every request waits 5 ms on its backend.
        assertTrue(jfr.parks().count() > 0 && jfr.socketReads().count() > 0, jfr.toString());
        assertTrue(jfr.socketReads().p50Millis() >= 1.0, "only waits of 1 ms or more are kept: " + jfr.socketReads());
        assertTrue(jfr.carriers() > 0, "virtual's carriers were seen");
        // Two trials of 2 s each, recorded trial by trial: a recording that outlived its trial would span more.
        assertTrue(jfr.parks().countBySecond().size() <= 2 * (2 + 1), jfr.parks().countBySecond().toString());
        assertEquals(List.of(), trialFiles(folder), "each process's trials are concatenated into one file");
        assertNull(run.configurations().get(0).profile(), "the unprofiled baseline records nothing");
    }

    @Test
    void aClusterWritesOneRecordingPerProcess(@TempDir Path results) throws Exception {
        RunResult run = run(tiny(results, "cluster", "hello", "jfr"));
        Path folder = results.resolve(run.runId());
        ProfileResult profile = run.configurations().get(1).profile();
        assertEquals("jfr", profile.event());
        assertNull(profile.flameGraph(), "jfr alone: no async-profiler");
        List<ProcessRecording> processes = profile.flightRecording().processes();
        assertEquals(List.of("primary", "worker", "worker"), processes.stream().map(ProcessRecording::role).toList());
        assertEquals(List.of(0, 1, 2), processes.stream().map(ProcessRecording::workerId).toList());
        for (ProcessRecording process : processes) {
            Path file = folder.resolve(process.file());
            assertTrue(file.startsWith(folder.resolve(ServerProfile.FOLDER)), file.toString());
            assertEquals(process.events(), RecordingFile.readAllEvents(file).size(), file.toString());
            assertTrue(process.events() > 0, "jdk.ThreadCPULoad alone gives every process events");
            assertTrue(ProcessGone.await(process.pid()), "process " + process.pid() + " exited");
        }
    }

    private static Set<String> eventNames(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            names.add(event.getEventType().getName());
        }
        return names;
    }

    private static List<Path> trialFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve(ServerProfile.FOLDER))) {
            return files.filter(f -> f.getFileName().toString().matches(".*-trial\\d+.*\\.jfr")).toList();
        }
    }
}
