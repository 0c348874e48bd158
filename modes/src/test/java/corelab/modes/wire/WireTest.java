package corelab.modes.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the wire: its exact text (notebooks, scripts and logs read it, so a change
 * must be on purpose), format then parse gives an equal record, and a line that is not the
 * message, or is a malformed copy of it, parses as nothing.
 */
class WireTest {
    /** One message: its record, its text, how it is read and written, and lines that must not read as it. */
    record Case<T>(T message, String text, Function<String, Optional<T>> parse, Function<T, String> format,
                   List<String> malformed) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Case<?>> cases() {
        return Stream.of(
                new Case<>(new ReadyLine(Map.of("mode", "cluster", "pid", "4242", "address", "127.0.0.1:8080",
                        "workers", "2", "balance", "kernel")),
                        "corelab-ready mode=cluster pid=4242 address=127.0.0.1:8080 balance=kernel workers=2",
                        ReadyLine::parse, ReadyLine::format,
                        List.of("corelab-ready", "corelab-ready mode=single pid=1",
                                "corelab-readymode=single pid=1 address=a:1",
                                "[worker 1] corelab-ready mode=single pid=1 address=127.0.0.1:1")),
                new Case<>(new StatsLine(4242, 0, 1500, 3), "corelab-stats pid=4242 worker=0 requests=1500 refused=3",
                        StatsLine::parse, StatsLine::format,
                        List.of("corelab-stats pid=4242 worker=0", "corelab-stats pid=x worker=0 requests=1 refused=0",
                                "corelab-stats pid=0 worker=0 requests=1 refused=0",
                                "corelab-stats pid=99999999999999999999 worker=0 requests=1 refused=0",
                                "corelab-stats pid=1 worker=0 requests=1 refused=0 and more",
                                "corelab-stats pid=1 worker=0 requests=1 refused=-1",
                                "corelab-stats pid=1 worker=0 requests=1",
                                "[worker 1] corelab-stats pid=1 worker=1 requests=1 refused=0")),
                new Case<>(ProfileCommand.start("ctimer"), "profile start event=ctimer",
                        ProfileCommand::parse, ProfileCommand::format,
                        List.of("profile start", "profile start event=Cpu!", "profile stop event=cpu",
                                "profile dump", "profile dump to=", " profile stop")),
                new Case<>(ProfileCommand.load("jfr"), "profile load event=jfr", ProfileCommand::parse,
                        ProfileCommand::format, List.of("profile load", "profile load event=jfr to=/tmp/x")),
                new Case<>(ProfileCommand.stop(), "profile stop", ProfileCommand::parse, ProfileCommand::format,
                        List.of("profile stopped", "profile stop to=/tmp/x")),
                new Case<>(ProfileCommand.dump("/tmp/run 1/single-hello"), "profile dump to=/tmp/run 1/single-hello",
                        ProfileCommand::parse, ProfileCommand::format,
                        List.of("profile dump to= ", "profile dump event=cpu to=/tmp/x")),
                new Case<>(new ProfileDumped(4242, 2, "perf_events", 1200, "/tmp/x/cluster-hello-worker2.collapsed"),
                        "corelab-profiled pid=4242 worker=2 engine=perf_events samples=1200"
                                + " file=/tmp/x/cluster-hello-worker2.collapsed",
                        ProfileDumped::parse, ProfileDumped::format,
                        List.of("corelab-profiled pid=4242 worker=2 engine=perf_events samples=1200",
                                "corelab-profiled pid=0 worker=0 engine=itimer samples=1 file=/x.collapsed",
                                "corelab-profiled pid=1 worker=0 engine=itimer samples=1 file=/x.html",
                                "corelab-profiled pid=1 worker=0 engine=itimer samples=1 file=/x.jfr",
                                "corelab-profiled pid=1 worker=0 engine=itimer samples=-1 file=/x.collapsed")),
                new Case<>(new ProfileDumped(4242, 0, "jfr", 35, "/tmp/x/virtual-io-trial1.jfr"),
                        "corelab-profiled pid=4242 worker=0 engine=jfr samples=35 file=/tmp/x/virtual-io-trial1.jfr",
                        ProfileDumped::parse, ProfileDumped::format,
                        List.of("corelab-profiled pid=1 worker=0 engine=jfr samples=1 file=/x.collapsed")),
                new Case<>(new WorkerOnlineLine(2, 4242), "corelab-worker-online id=2 pid=4242",
                        WorkerOnlineLine::parse, WorkerOnlineLine::format,
                        List.of("corelab-worker-online id=2", "corelab-worker-online id=0 pid=1",
                                "corelab-worker-online id=9999999999 pid=1", " corelab-worker-online id=2 pid=4242")),
                new Case<>(new WorkerReloadedLine(1, 4242, 4343), "corelab-worker-reloaded id=1 pid=4242 -> pid=4343",
                        WorkerReloadedLine::parse, WorkerReloadedLine::format,
                        List.of("corelab-worker-reloaded id=1 pid=4242", "corelab-worker-reloaded id=1 pid=4242 -> pid=")),
                new Case<>(new WorkerExitLine(1, 4242, 137, Optional.of("SIGKILL"), OptionalLong.of(100)),
                        "corelab-worker-exit id=1 pid=4242 code=137 signal=SIGKILL (restarting in 100 ms)",
                        WorkerExitLine::parse, WorkerExitLine::format,
                        List.of("corelab-worker-exit id=1 pid=4242 code=137 signal=SIGKILL",
                                "corelab-worker-exit id=1 pid=4242 code=137 signal=kill (restarting in 100 ms)",
                                "corelab-worker-exit id=1 pid=4242 code=1 (restarting soon)")),
                new Case<>(new WorkerExitLine(2, 4242, 1, Optional.empty(), OptionalLong.empty()),
                        "corelab-worker-exit id=2 pid=4242 code=1 (not restarted: another worker holds its id)",
                        WorkerExitLine::parse, WorkerExitLine::format,
                        List.of("corelab-worker-exit id=2 pid=4242 code=1 (not restarted)")),
                new Case<>(new ForwardedLine(3, "hello from a worker"), "[worker 3] hello from a worker",
                        ForwardedLine::parse, ForwardedLine::format,
                        List.of("[worker 3]hello", "[worker x] hello", "[worker 0] hello", "worker 3] hello")),
                new Case<>(new MessageLine("any text at all"), "corelab-msg any text at all",
                        MessageLine::parse, MessageLine::format, List.of("corelab-msg", "corelab-msgs x", " corelab-msg x")),
                new Case<>(new MessageLine(new Reload()), "corelab-msg reload", MessageLine::parse, MessageLine::format,
                        List.of()),
                new Case<>(new DisconnectLine(Duration.ofSeconds(10)), "corelab-disconnect 10000",
                        DisconnectLine::parse, DisconnectLine::format,
                        List.of("corelab-disconnect", "corelab-disconnect ", "corelab-disconnect -1",
                                "corelab-disconnect soon", "corelab-msg corelab-disconnect 10")),
                new Case<>(new StatsQuery(), "stats", StatsQuery::parse, StatsQuery::format, List.of("stats ", "Stats")),
                new Case<>(new StatsReport(1500, 3), "stats requests=1500 refused=3", StatsReport::parse,
                        StatsReport::format, List.of("stats requests=", "stats requests=-1 refused=0",
                                "stats requests=1 refused=0 more", "stats requests=1", "stats requests=1 refused=")),
                new Case<>(new CounterIncrement(17), "counter-increment 17", CounterIncrement::parse,
                        CounterIncrement::format, List.of("counter-increment", "counter-increment x", "counter-increment 1 2")),
                new Case<>(new CounterValue(17, 4242), "counter-value 17 4242", CounterValue::parse, CounterValue::format,
                        List.of("counter-value 17", "counter-value 17 x", "counter-value 17 4242 1")),
                new Case<>(new Reload(), "reload", Reload::parse, Reload::format, List.of("reload now", "")),
                new Case<>(new CrashLoop(), "crash-loop", CrashLoop::parse, CrashLoop::format,
                        List.of("crash-loop now", "crash")),
                new Case<>(new BackendReadyLine(4242, 39001), "corelab-backend-ready pid=4242 address=127.0.0.1:39001",
                        BackendReadyLine::parse, BackendReadyLine::format,
                        List.of("corelab-backend-ready pid=4242", "corelab-backend-ready pid=4242 address=0.0.0.0:39001",
                                "corelab-backend-ready pid=4242 address=127.0.0.1:70000")),
                new Case<>(new CalibrationLine(CalibrationLine.Figure.KERNEL_REQUESTS_PER_CPU_SECOND, 1063.25),
                        "corelab-calibration kernel-requests-per-cpu-second=1063.250000", CalibrationLine::parse,
                        CalibrationLine::format, List.of("corelab-calibration kernel-requests-per-cpu-second=",
                                "corelab-calibration kernel-requests-per-cpu-second=0.0",
                                "corelab-calibration heap=1.0", "corelab-calibration backend-round-trip-millis=-1")),
                new Case<>(new CalibrationLine(CalibrationLine.Figure.BACKEND_ROUND_TRIP_MILLIS, 20.125),
                        "corelab-calibration backend-round-trip-millis=20.125000", CalibrationLine::parse,
                        CalibrationLine::format, List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    <T> void formatsToItsExactTextAndParsesBackToAnEqualRecord(Case<T> message) {
        assertEquals(message.text(), message.format().apply(message.message()));
        assertEquals(Optional.of(message.message()), message.parse().apply(message.text()));
        assertEquals(Optional.of(message.message()), message.parse().apply(message.format().apply(message.message())));
    }

    @ParameterizedTest
    @MethodSource("cases")
    <T> void aMalformedLineIsNotThisMessage(Case<T> message) {
        for (String line : message.malformed()) {
            assertEquals(Optional.empty(), message.parse().apply(line), line);
        }
    }

    /** No message's text reads as a message of another kind: a reader may try them one after another. */
    @Test
    void noMessageReadsAsAnotherKind() {
        List<Case<?>> all = cases().toList();
        for (Case<?> reader : all) {
            for (Case<?> line : all) {
                if (line.message().getClass() != reader.message().getClass()) {
                    assertEquals(Optional.empty(), reader.parse().apply(line.text()),
                            line.text() + " read as a " + reader.message().getClass().getSimpleName());
                }
            }
        }
    }

    @Test
    void textThatWouldEndItsLineEarlyIsRefusedAndParsesAsNothing() {
        assertThrows(IllegalArgumentException.class, () -> new MessageLine("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> new MessageLine("a carriage\rreturn"));
        assertThrows(IllegalArgumentException.class, () -> new ForwardedLine(1, "two\nlines"));
        assertEquals(Optional.empty(), MessageLine.parse("corelab-msg two\nlines"));
        assertEquals(Optional.empty(), ForwardedLine.parse("[worker 1] two\rlines"));
        // BufferedReader.readLine ends a line at \n and \r only: other separators are text
        assertEquals(Optional.of(new MessageLine("a\u2028b")), MessageLine.parse("corelab-msg a\u2028b"));
    }

    @Test
    void aForwardedLineIsReadAsItsWorkerWroteIt() {
        String stats = new StatsLine(4242, 1, 7, 0).format();
        assertEquals(stats, ForwardedLine.original(new ForwardedLine(1, stats).format()));
        assertEquals(stats, ForwardedLine.original(stats));
    }

    @Test
    void anExitReadsTheSameInItsLineAndInMessages() {
        assertEquals("code=137 signal=SIGKILL", WorkerExitLine.describe(137, Optional.of("SIGKILL")));
        assertEquals("code=0", WorkerExitLine.describe(0, Optional.empty()));
    }
}
