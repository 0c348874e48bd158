package corelab.harness.load;

import static corelab.harness.load.LoadTesting.assertNoLoadThreadLeft;
import static corelab.harness.load.LoadTesting.closed;
import static corelab.harness.load.LoadTesting.cpu;
import static corelab.harness.load.LoadTesting.mixedRequests;
import static corelab.harness.load.LoadTesting.sleepMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.RunningServer;
import corelab.testkit.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load generator against real sockets: a real corelab server, and servers that misbehave. */
class LoadGeneratorTest {
    private static RunningServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = LoadTesting.startServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void noThreadLeftBehind() {
        assertNoLoadThreadLeft();
    }

    @Test
    void closedModelCompletesCorrectAnswersAndTheCountsAddUp() throws IOException {
        List<LoadInterval> intervals = new ArrayList<>();
        LoadGenerator load = new LoadGenerator(server.address(), closed(5, 2, 5000), mixedRequests());
        try {
            load.start();
            for (int i = 0; i < 3; i++) {
                sleepMillis(250);
                intervals.add(load.sample());
            }
        } finally {
            load.close();
        }
        intervals.add(load.sample()); // whatever finished between the last sample and the close
        long sent = 0;
        long completed = 0;
        long uncorrected = 0;
        for (int i = 0; i < intervals.size(); i++) {
            LoadInterval interval = intervals.get(i);
            if (i > 0) {
                assertEquals(intervals.get(i - 1).endNanos(), interval.startNanos(), "intervals are contiguous");
            }
            assertEquals(0, interval.errors(), interval.toString());
            assertEquals(interval.sent(), interval.intendedRequests(), "closed: intended is what was sent");
            assertEquals(interval.completed(), interval.latencyMicros().getTotalCount());
            assertEquals(2, interval.generatorThreads());
            assertTrue(interval.generatorUtilization() >= 0 && interval.generatorUtilization() <= 1);
            sent += interval.sent();
            completed += interval.completed();
            uncorrected += interval.uncorrectedLatencyMicros().getTotalCount();
        }
        assertTrue(intervals.get(0).completed() > 0 && intervals.get(1).completed() > 0, intervals.toString());
        assertTrue(intervals.get(0).generatorCpuNanos() > 0);
        assertTrue(intervals.get(0).toString().startsWith("LoadInterval[") && !intervals.get(0).toString().contains("\n"));
        System.out.println("closed model, first interval: " + intervals.get(0));
        assertEquals(completed, uncorrected, "every correct answer is in both histograms");
        // one request per connection may have been in flight when the generator closed
        assertTrue(sent - completed >= 0 && sent - completed <= 5, "sent " + sent + ", completed " + completed);
        // closed: no schedule, so both figures count from the send
        LoadInterval first = intervals.get(0);
        assertEquals(first.uncorrectedLatencyMicros().getMaxValue(), first.latencyMicros().getMaxValue());
    }

    @Test
    void openModelKeepsItsRateAndCountsIntendedRequests() throws IOException {
        int ratePerSecond = 200;
        LoadSpec spec = new LoadSpec(new LoadModel.Open(ratePerSecond), 4, 2, 5000);
        LoadInterval interval;
        try (LoadGenerator load = new LoadGenerator(server.address(), spec, mixedRequests())) {
            load.start();
            sleepMillis(1500);
            interval = load.sample();
        }
        double scheduled = interval.seconds() * ratePerSecond;
        assertTrue(Math.abs(interval.intendedRequests() - scheduled) <= 2,
                "intended " + interval.intendedRequests() + " for " + scheduled + " scheduled");
        assertTrue(interval.completed() > interval.intendedRequests() / 2, interval.toString());
        // never ahead of the schedule (give or take the requests that fell due while the sample was taken)
        assertTrue(interval.sent() <= interval.intendedRequests() + spec.connections(), interval.toString());
        assertEquals(0, interval.errors(), interval.toString());
        // each request's latency from its due time is at least its latency from its send
        assertTrue(interval.latencyMicros().getMaxValue() >= interval.uncorrectedLatencyMicros().getMaxValue());
        assertTrue(interval.latencyMicros().getMinValue() >= interval.uncorrectedLatencyMicros().getMinValue());
    }

    @Test
    void aWrongBodyIsAWrongAnswerAndNeverCompleted() throws IOException {
        RequestTemplate wrong = new RequestTemplate(cpu(7).target(), "not what the server computes\n");
        LoadInterval interval = runClosed(server.address(), List.of(wrong), 5000, 400);
        assertTrue(interval.wrongAnswers() > 0, interval.toString());
        assertEquals(0, interval.completed());
        assertEquals(0, interval.latencyMicros().getTotalCount());
        assertEquals(0, interval.uncorrectedLatencyMicros().getTotalCount());
        assertEquals(0, interval.statusErrors() + interval.timeouts() + interval.connectionErrors(), interval.toString());
    }

    @Test
    void aNon200StatusIsAStatusError() throws IOException {
        // the server answers 404 with Connection: close, so this also reopens a connection after every answer
        LoadInterval interval = runClosed(server.address(), List.of(new RequestTemplate("/nowhere", "")), 5000, 400);
        assertTrue(interval.statusErrors() > 1, interval.toString());
        assertEquals(0, interval.completed());
        assertEquals(0, interval.wrongAnswers() + interval.timeouts() + interval.connectionErrors(), interval.toString());
    }

    @Test
    void aServerThatNeverAnswersProducesTimeouts() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            LoadInterval interval = runClosed(silent.address(), List.of(cpu(1)), 100, 700);
            assertTrue(interval.timeouts() >= 2, interval.toString());
            assertEquals(0, interval.completed());
            assertTrue(silent.accepted() > 2, "a timed-out connection is replaced by a new one");
        }
    }

    @Test
    void aServerThatGoesAwayProducesConnectionErrorsWithoutSpinning() throws IOException {
        RunningServer doomed = LoadTesting.startServer();
        try (LoadGenerator load = new LoadGenerator(doomed.address(), closed(4, 2, 2000), mixedRequests())) {
            load.start();
            sleepMillis(300);
            LoadInterval before = load.sample();
            assertTrue(before.completed() > 0, before.toString());
            doomed.close();
            sleepMillis(1000);
            LoadInterval after = load.sample();
            assertTrue(after.connectionErrors() > 0, after.toString());
            // with a 100 ms backoff, 4 connections fail about 40 times a second; a spinning generator would fail far more often
            assertTrue(after.connectionErrors() < 200, after.toString());
            assertTrue(after.generatorUtilization() < 0.5, "the generator spins: " + after);
        } finally {
            doomed.close();
        }
    }

    @Test
    void aServerThatCannotBeReachedFailsTheStart() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (LoadGenerator load = new LoadGenerator(nobody, closed(2, 1, 1000), List.of(cpu(1)))) {
            IOException e = assertThrows(IOException.class, load::start);
            assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port + ": "), e.getMessage());
        }
    }

    @Test
    void aConnectionIsReplacedAfterItsRequestsPerConnectionAndOnlyThen() throws IOException, InterruptedException {
        int connections = 2;
        try (CountingRelay recycled = new CountingRelay(server.address());
             CountingRelay kept = new CountingRelay(server.address())) {
            Totals replaced = run(recycled.address(), new LoadSpec(LoadModel.CLOSED, connections, 1, 5000, 3));
            Totals keptOpen = run(kept.address(), closed(connections, 1, 5000));

            assertEquals(0, replaced.errors(), "replacing a connection is not an error");
            assertTrue(replaced.completed() >= 10, "too few answers to tell: " + replaced);
            // each connection carried at most 3 answers, so at least completed/3 of them were opened
            assertTrue(recycled.accepted() >= replaced.completed() / 3,
                    recycled.accepted() + " connections for " + replaced.completed() + " answers");
            assertEquals(connections, kept.accepted(), "with 0, each connection is kept for the whole run");
            assertTrue(keptOpen.completed() > 0);
        }
    }

    private record Totals(long completed, long errors) {
    }

    /** Load until 30 answers came (or 30 s passed, a guard against a hang). */
    private static Totals run(InetSocketAddress address, LoadSpec spec) throws IOException, InterruptedException {
        try (LoadGenerator load = new LoadGenerator(address, spec, List.of(cpu(1), cpu(2)))) {
            load.start();
            List<LoadInterval> samples = new ArrayList<>();
            Eventually.within(Duration.ofSeconds(30), () -> {
                samples.add(load.sample());
                return samples.stream().mapToLong(LoadInterval::completed).sum() >= 30;
            });
            return new Totals(samples.stream().mapToLong(LoadInterval::completed).sum(),
                    samples.stream().mapToLong(LoadInterval::errors).sum());
        }
    }

    @Test
    void closeIsIdempotentAndSampleNeedsAStart() throws IOException {
        LoadGenerator load = new LoadGenerator(server.address(), closed(1, 1, 1000), List.of(cpu(1)));
        assertThrows(IllegalStateException.class, load::sample);
        load.start();
        assertThrows(IllegalStateException.class, load::start);
        load.close();
        load.close();
        assertNoLoadThreadLeft();
    }

    private static LoadInterval runClosed(InetSocketAddress address, List<RequestTemplate> requests,
                                          int requestTimeoutMillis, long millis) throws IOException {
        try (LoadGenerator load = new LoadGenerator(address, closed(2, 1, requestTimeoutMillis), requests)) {
            load.start();
            sleepMillis(millis);
            return load.sample();
        }
    }
}
