package corelab.harness.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.load.LoadInterval;
import corelab.harness.load.LoadModel;
import corelab.harness.server.ProcessSample;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.modes.wire.StatsLine;
import corelab.results.Histograms;
import corelab.results.IntervalResult;
import corelab.results.ProcessUsage;
import corelab.results.ServerUsage;
import corelab.results.TrialResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a trial records of the processes' stats lines: each one's share in the trial, and the server's sum. */
class TrialRecorderTest {
    private static final long PRIMARY = 100;
    private static final long WORKER_1 = 101;
    private static final long WORKER_2 = 102;
    private static final TreeSample CLUSTER = new TreeSample(0, List.of(
            new ProcessSample(PRIMARY, 1, "java corelab.modes.ServerMain mode=cluster", 0, 0, 1),
            new ProcessSample(WORKER_1, PRIMARY, "java corelab.modes.ServerMain workerId=1", 0, 0, 1),
            new ProcessSample(WORKER_2, PRIMARY, "java corelab.modes.ServerMain workerId=2", 0, 0, 1)));

    @Test
    void aClustersRefusalsInTheTrialAreItsWorkersAddedUp() {
        Map<Long, StatsLine> atStart = Map.of(WORKER_1, new StatsLine(WORKER_1, 1, 10, 2),
                WORKER_2, new StatsLine(WORKER_2, 2, 20, 0));
        Map<Long, StatsLine> atEnd = Map.of(WORKER_1, new StatsLine(WORKER_1, 1, 110, 5),
                WORKER_2, new StatsLine(WORKER_2, 2, 70, 4));
        ServerUsage server = new TrialRecorder(1, new LoadModel.Closed(), 2, CLUSTER, atStart, 0)
                .finish(atEnd, Double.NaN, TrialResult.NO_OTHER_SERVERS, TreeMemory.UNKNOWN).server();

        assertEquals(3 + 4, server.refusedConnections(), "only the refusals within the trial, of both workers");
        Map<Long, ProcessUsage> byPid = new TreeMap<>();
        server.processes().forEach(p -> byPid.put(p.pid(), p));
        assertEquals(-1, byPid.get(PRIMARY).refusedConnections(), "the primary reports nothing");
        assertEquals(3, byPid.get(WORKER_1).refusedConnections());
        assertEquals(4, byPid.get(WORKER_2).refusedConnections());
        assertEquals(100, byPid.get(WORKER_1).requests());
        assertEquals(50, byPid.get(WORKER_2).requests());
    }

    @Test
    void aServerWhoseProcessesReportNothingHasNoRefusalCount() {
        ServerUsage server = new TrialRecorder(1, new LoadModel.Closed(), 2, CLUSTER, Map.of(), 0)
                .finish(Map.of(), Double.NaN, TrialResult.NO_OTHER_SERVERS, TreeMemory.UNKNOWN).server();
        assertEquals(-1, server.refusedConnections(), "unknown, not 0");
    }

    /** Each interval carries its start on the wall clock, so intervals of different trials and runs line up. */
    @Test
    void intervalsCarryTheirWallClockStart() {
        long start = System.nanoTime();
        long before = System.currentTimeMillis();
        TrialRecorder recorder = new TrialRecorder(1, new LoadModel.Closed(), 2, null, Map.of(), start);
        long second = 1_000_000_000L;
        for (int i = 0; i < 2; i++) {
            recorder.add(new LoadInterval(start + i * second, start + (i + 1) * second, 10, 10, 10, 0, 0, 0, 0,
                    Histograms.empty(), Histograms.empty(), 1000, 1, 0), null);
        }
        List<IntervalResult> intervals = recorder.finish(Map.of(), Double.NaN, TrialResult.NO_OTHER_SERVERS,
                TreeMemory.UNKNOWN).intervals();
        long first = intervals.get(0).startEpochMillis();
        assertTrue(Math.abs(first - before) < 60_000, "the trial's start on the wall clock: " + first + " vs " + before);
        assertEquals(first + 1000, intervals.get(1).startEpochMillis(), "a second later, as its startSeconds says");
        assertEquals(1.0, intervals.get(1).startSeconds(), 1e-9);
    }

    /**
     * The tree read 2.2 s apart around 2 s of load, by a sampler that waited for a core: the server's CPU is its
     * rate between the readings over the 2 s of load, never more cores than it had.
     */
    @Test
    void theServersCpuIsTakenOverTheSecondsOfLoadNotOverTheReadings() {
        long second = 1_000_000_000L;
        long loadStart = 10 * second;
        TreeSample before = new TreeSample(loadStart - second / 10, List.of(
                new ProcessSample(PRIMARY, 1, "java corelab.modes.ServerMain mode=platform", 0, 0, 200)));
        TreeSample after = new TreeSample(loadStart + 2 * second + second / 10, List.of(
                new ProcessSample(PRIMARY, 1, "java corelab.modes.ServerMain mode=platform", 44 * second / 10, 0, 200)));
        TrialRecorder recorder = new TrialRecorder(1, new LoadModel.Closed(), 2, before, Map.of(), loadStart);
        recorder.add(new LoadInterval(loadStart, loadStart + second, 450, 450, 450, 0, 0, 0, 0,
                Histograms.empty(), Histograms.empty(), 1000, 1, 0), null);
        recorder.add(new LoadInterval(loadStart + second, loadStart + 2 * second, 450, 450, 450, 0, 0, 0, 0,
                Histograms.empty(), Histograms.empty(), 1000, 1, 0), after);
        ServerUsage server = recorder.finish(Map.of(), Double.NaN, TrialResult.NO_OTHER_SERVERS,
                TreeMemory.UNKNOWN).server();

        assertEquals(2.0, server.cpuCoresUsed(), 1e-6, "4.4 CPU-seconds in 2.2 s of readings: 2 cores, not 2.2");
        assertEquals(4.0, server.cpuSeconds(), 1e-6, "at that rate, over the 2 s of load");
        assertEquals(900 / 4.0, server.requestsPerCpuSecond(), 1e-6);
        assertEquals(4.0, server.processes().get(0).cpuSeconds(), 1e-6, "each process's too, as the buckets add them");
    }
}
