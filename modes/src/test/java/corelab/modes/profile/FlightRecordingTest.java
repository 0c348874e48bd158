package corelab.modes.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight Recorder in this test's own JVM, as a server drives it over the wire: a trial of
 * virtual threads that wait on a socket writes one .jfr that the JDK's reader reads, with the
 * carriers' parks and the socket waits in it, and no recording is left open after the dump.
 */
class FlightRecordingTest {
    @Test
    void aTrialOfWaitingVirtualThreadsIsRecordedAndItsRecordingClosed(@TempDir Path folder) throws Exception {
        ProcessProfilers profilers = new ProcessProfilers(0, "");
        profilers.handle(ProfileCommand.load("jfr"));
        assertEquals(List.of(), FlightRecorder.getFlightRecorder().getRecordings(), "loading records nothing");
        profilers.handle(ProfileCommand.start("jfr"));
        assertEquals(1, trialRecordings().size(), "recording during the trial");
        waitOnSockets();
        profilers.handle(ProfileCommand.stop());
        assertTrue(trialRecordings().stream().noneMatch(r -> r.getState() == jdk.jfr.RecordingState.RUNNING));
        List<ProfileDumped> answers = profilers.handle(ProfileCommand.dump(folder.resolve("trial1").toString()));
        assertEquals(List.of(), trialRecordings(), "no recording outlives its trial");

        assertEquals(1, answers.size(), "one recorder was started, one answers");
        ProfileDumped dumped = answers.get(0);
        assertTrue(dumped.flightRecording());
        assertEquals(folder.resolve("trial1.jfr").toString(), dumped.file());
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(dumped.file()));
        assertEquals(events.size(), dumped.samples());
        Set<String> names = new TreeSet<>();
        events.forEach(e -> names.add(e.getEventType().getName()));
        assertTrue(names.containsAll(List.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.ThreadCPULoad")), names.toString());
        assertTrue(names.stream().allMatch(n -> FlightRecording.SETTINGS.containsKey(n + "#enabled")),
                "only the events enabled: " + names);
    }

    @Test
    void aDumpWithNothingStartedIsRefused(@TempDir Path folder) {
        IOException refused = assertThrows(IOException.class,
                () -> new ProcessProfilers(0, "").handle(ProfileCommand.dump(folder.resolve("x").toString())));
        assertTrue(refused.getMessage().contains("nothing to dump"), refused.getMessage());
    }

    private static List<Recording> trialRecordings() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getName().equals("corelab-trial")).toList();
    }

    /**
     * Eight virtual threads each read an answer a loopback peer sends 20 ms late, twice: the reads
     * wait (jdk.SocketRead at 1 ms and more) and the carriers, with nothing to run, park.
     */
    private static void waitOnSockets() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon(true).start(() -> {
                while (!peer.isClosed()) {
                    try {
                        Socket s = peer.accept();
                        Thread.ofVirtual().start(() -> answerLate(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort())) {
                        for (int k = 0; k < 2; k++) {
                            s.getOutputStream().write(1);
                            assertEquals(1, s.getInputStream().read());
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
        }
        Thread.sleep(1100); // one period of jdk.ThreadCPULoad
    }

    private static void answerLate(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (in.read() >= 0) {
                LockSupport.parkNanos(20_000_000L);
                out.write(1);
            }
        } catch (IOException e) {
            // the client closed: done
        }
    }
}
