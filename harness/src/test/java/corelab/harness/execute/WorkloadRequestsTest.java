package corelab.harness.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.load.CounterLedger;
import corelab.harness.load.RequestTemplate;
import corelab.harness.measure.RunFailure;
import corelab.harness.plan.BenchmarkOptions;
import corelab.harness.plan.Plan;
import corelab.modes.RunningServer;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one request asked before the load: a right answer passes, anything else stops the run with what came back. */
class WorkloadRequestsTest {
    private static final ServerOptions SERVER = ServerOptions.parse(Map.of("mode", "single", "port", "0",
            "cpuIterations", "1000", "backendDelayMillis", "1"));

    @Test
    void everyWorkloadsFirstRequestPassesAndACountGoesToTheLedger() throws Exception {
        CounterLedger ledger = new CounterLedger();
        try (RunningServer server = RunningServer.start(SERVER, 0, System.out)) {
            for (Workload workload : Workload.values()) {
                WorkloadRequests.verify(server.address(), "test", WorkloadRequests.templates(workload, SERVER).get(0), ledger);
            }
        }
        assertEquals(1, ledger.answers());
        assertEquals(1, ledger.highestCount());
    }

    @Test
    void aWrongBodyStopsTheRunWithWhatCameBack() throws Exception {
        try (RunningServer server = RunningServer.start(SERVER, 0, System.out)) {
            RunFailure e = assertThrows(RunFailure.class, () -> WorkloadRequests.verify(server.address(), "test",
                    new RequestTemplate("/hello", "Goodbye\n"), new CounterLedger()));
            assertEquals("test answered /hello wrongly: expected 200 with 'Goodbye\\n', got 200 with"
                    + " 'Hello from corelab\\n'", e.getMessage());
        }
    }

    @Test
    void aStatusOtherThan200StopsTheRun() throws Exception {
        try (RunningServer server = RunningServer.start(SERVER, 0, System.out)) {
            RunFailure e = assertThrows(RunFailure.class, () -> WorkloadRequests.verify(server.address(), "test",
                    new RequestTemplate("/nope", "Hello from corelab\n"), new CounterLedger()));
            assertTrue(e.getMessage().startsWith("test answered /nope wrongly: expected 200 with 'Hello from corelab\\n',"
                    + " got 404 with 'Not Found: no such path /nope"), e.getMessage());
        }
    }

    @Test
    void anAnswerThatIsNoCountStopsTheRunAndCountsNothing() throws Exception {
        CounterLedger ledger = new CounterLedger();
        try (RunningServer server = RunningServer.start(SERVER, 0, System.out)) {
            RunFailure e = assertThrows(RunFailure.class, () -> WorkloadRequests.verify(server.address(), "test",
                    new RequestTemplate("/hello", "counter value=", true), ledger));
            assertTrue(e.getMessage().contains("expected 200 with 'counter value=<a positive count>\\n'"), e.getMessage());
        }
        assertEquals(0, ledger.answers());
    }

    @Test
    void aServerThatIsNotThereStopsTheRun() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }
        InetSocketAddress closed = nobody;
        RunFailure e = assertThrows(RunFailure.class, () -> WorkloadRequests.verify(closed, "test",
                new RequestTemplate("/hello", "Hello from corelab\n"), new CounterLedger()));
        assertTrue(e.getMessage().startsWith("test did not answer /hello: "), e.getMessage());
    }

    @Test
    void aForeignServerIsAskedForTheWorkSizeGiven() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("target", "http://127.0.0.1:9", "workload", "cpu",
                "cpuIterations", "20000")));
        assertEquals(1, plan.servers().size());
        assertEquals(20000, plan.servers().get(0).options().workloads().cpuIterations());
        assertTrue(WorkloadRequests.templates(Workload.CPU, plan.servers().get(0).options()).get(0).target()
                .contains("iterations=20000"));
    }
}
