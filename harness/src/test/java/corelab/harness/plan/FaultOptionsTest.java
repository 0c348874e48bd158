package corelab.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Mode;
import corelab.modes.options.OptionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultOptionsTest {
    @Test
    void noFaultByDefault() {
        assertEquals(List.of(), BenchmarkOptions.defaults().faults());
        assertTrue(Plan.of(BenchmarkOptions.defaults()).servers().stream().noneMatch(ServerPlan::hasFaults));
    }

    @Test
    void bothKindsParseWithSecondsOrMilliseconds() {
        BenchmarkOptions options = BenchmarkOptions.parse(Map.of("mode", "cluster",
                "fault", "kill-worker@3s,kill-server@1500ms"));
        assertEquals(List.of(new Fault(Fault.Kind.KILL_WORKER, 3), new Fault(Fault.Kind.KILL_SERVER, 1.5)),
                options.faults());
        assertEquals("kill-worker@3s", options.faults().get(0).word());
        assertEquals("kill-server@1.5s", options.faults().get(1).word());
    }

    @Test
    void eachModeGetsTheFaultsThatApplyToIt() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "single,cluster", "workload", "cpu",
                "fault", "kill-worker@3s,kill-server@3s")));
        ServerPlan single = plan.servers().stream().filter(s -> s.mode() == Mode.SINGLE).findFirst().orElseThrow();
        ServerPlan cluster = plan.servers().stream().filter(s -> s.mode() == Mode.CLUSTER).findFirst().orElseThrow();
        assertEquals(List.of(Fault.Kind.KILL_SERVER), single.loadPoints().stream().map(p -> p.fault().kind()).toList());
        assertEquals(List.of(Fault.Kind.KILL_WORKER, Fault.Kind.KILL_SERVER),
                cluster.loadPoints().stream().map(p -> p.fault().kind()).toList());
        assertEquals(3, plan.configurations());
    }

    @Test
    void theGracefulStopsAndTheCrashLoopGoWhereTheyApply() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "single,cluster", "workload", "cpu",
                "fault", "stop-worker@2s,stop-server@2s,crash-loop@3s")));
        ServerPlan single = plan.servers().stream().filter(s -> s.mode() == Mode.SINGLE).findFirst().orElseThrow();
        ServerPlan cluster = plan.servers().stream().filter(s -> s.mode() == Mode.CLUSTER).findFirst().orElseThrow();
        assertEquals(List.of(Fault.Kind.STOP_SERVER), single.loadPoints().stream().map(p -> p.fault().kind()).toList());
        assertEquals(List.of(Fault.Kind.STOP_WORKER, Fault.Kind.STOP_SERVER, Fault.Kind.CRASH_LOOP),
                cluster.loadPoints().stream().map(p -> p.fault().kind()).toList());
    }

    @Test
    void aReloadGoesToTheJavaClusterOnly() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "single,cluster", "workload", "cpu",
                "fault", "reload@2s,kill-server@3s")));
        ServerPlan single = plan.servers().stream().filter(s -> s.mode() == Mode.SINGLE).findFirst().orElseThrow();
        ServerPlan cluster = plan.servers().stream().filter(s -> s.mode() == Mode.CLUSTER).findFirst().orElseThrow();
        assertEquals(List.of(Fault.Kind.KILL_SERVER), single.loadPoints().stream().map(p -> p.fault().kind()).toList());
        assertEquals(List.of(Fault.Kind.RELOAD, Fault.Kind.KILL_SERVER),
                cluster.loadPoints().stream().map(p -> p.fault().kind()).toList());
        assertEquals("reload@2s", cluster.loadPoints().get(0).fault().word());
    }

    @Test
    void theWindowIsTheTrialsBackToBack() {
        BenchmarkOptions options = BenchmarkOptions.parse(Map.of("mode", "single", "fault", "kill-server@5s",
                "trials", "2", "trialSeconds", "4"));
        assertEquals(8, options.durations().faultWindowSeconds());
        assertNull(Plan.of(BenchmarkOptions.defaults()).servers().get(0).loadPoints().get(0).fault());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "single|kill-worker@3s|single runs in one process and has no worker to kill",
            "all|kill-worker@3s|has no worker to kill (kill-worker applies only to cluster, node-cluster and node-pm2;",
            "cluster|kill-worker@x|fault must look like kill-worker@10s or kill-server@500ms",
            "cluster|kill-worker|fault must look like kill-worker@10s",
            "cluster|kill-worker@3|fault must look like kill-worker@10s",
            "cluster|kill-worker@-1s|the time after '@' must be above 0",
            "cluster|kill-process@3s|fault: unknown kind 'kill-process'; valid kinds: kill-worker, kill-server, reload,"
                    + " stop-worker, stop-server, crash-loop",
            "single|reload@3s|single runs in one process and has no worker to kill (kill-worker applies only to cluster,"
                    + " node-cluster and node-pm2; stop-worker, reload and crash-loop only to cluster)",
            "single|crash-loop@3s|single runs in one process and has no worker to kill",
            "node-cluster|stop-worker@3s|stop-worker, reload and crash-loop are corelab's cluster's",
            "cluster|kill-worker@10s|comes after the measured window ends: a fault run measures one window of trials"
                    + " x trialSeconds = 8 s",
            "single|kill-server@60s|comes after the measured window ends"})
    void aBadFaultIsOneClearMessage(String mode, String fault, String expected) {
        OptionException e = assertThrows(OptionException.class,
                () -> BenchmarkOptions.parse(Map.of("mode", mode, "fault", fault)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aFaultNeedsAServerCorelabStarts() {
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(
                "target", "http://127.0.0.1:9", "fault", "kill-server@1s")));
        assertTrue(e.getMessage().contains("-Dfault needs a server corelab starts"), e.getMessage());
    }

    @Test
    void theFaultIsInTheHelp() {
        assertTrue(BenchmarkOptions.OPTIONS.options().stream()
                .anyMatch(s -> s.name().equals("fault") && s.defaultText().equals("none")));
    }
}
