package corelab.harness.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corelab.harness.load.LoadModel;
import corelab.harness.server.ProcessSample;
import corelab.harness.server.TreeMemory;
import corelab.harness.server.TreeSample;
import corelab.modes.wire.StatsLine;
import corelab.results.ProcessUsage;
import corelab.results.ServerUsage;
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
                .finish(atEnd, Double.NaN, TreeMemory.UNKNOWN).server();

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
                .finish(Map.of(), Double.NaN, TreeMemory.UNKNOWN).server();
        assertEquals(-1, server.refusedConnections(), "unknown, not 0");
    }
}
