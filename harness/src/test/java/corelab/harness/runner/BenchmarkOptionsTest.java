package corelab.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.harness.load.LoadModel;
import corelab.modes.Mode;
import corelab.modes.OptionException;
import corelab.workloads.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkOptionsTest {
    @Test
    void theDefaultRunIsEveryModeOnHelloCpuAndIo() {
        BenchmarkOptions options = BenchmarkOptions.defaults();
        assertEquals(List.of(Mode.values()), options.modes());
        assertEquals(List.of(Workload.HELLO, Workload.CPU, Workload.IO), options.workloads());
        assertEquals(LoadModel.CLOSED, options.loadModel());
        assertTrue(options.trials() >= 3, "enough trials for a confidence interval");
        assertNull(options.target());
    }

    @Test
    void theDefaultPlanFitsInFiveMinutes() {
        Plan plan = Plan.of(BenchmarkOptions.defaults());
        assertEquals(Mode.values().length * 3, plan.configurations());
        assertEquals(Mode.values().length, plan.servers().size(), "one server start per mode");
        // load time plus a generous 10 s per server start and answer check
        assertTrue(plan.loadSeconds() + 10L * plan.servers().size() <= 300, "plan: " + plan.loadSeconds() + " s");
    }

    @Test
    void listsAreSweptAndSweepsThatDoNotApplyAreNotMultiplied() {
        BenchmarkOptions options = BenchmarkOptions.parse(Map.of("mode", "platform,cluster", "workload", "hello",
                "concurrency", "1,16", "threads", "8,200", "workers", "1,2"));
        Plan plan = Plan.of(options);
        // platform: 2 pool sizes; cluster: 2 worker counts; each with 2 concurrency levels
        assertEquals(4, plan.servers().size());
        assertEquals(8, plan.configurations());
        assertTrue(plan.servers().stream().allMatch(s -> s.cpuIterations() == null), "hello does not depend on cpu size");
    }

    @Test
    void aBalanceSweepMultipliesOnlyTheClusterAndNamesEachStrategysSeries() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "single,cluster", "workload", "hello",
                "balance", "kernel,proxy,nginx", "workers", "2")));
        assertEquals(List.of("single", "cluster", "cluster-proxy", "cluster-nginx"),
                plan.servers().stream().map(ServerPlan::label).toList());
        assertEquals(List.of("kernel", "kernel", "proxy", "nginx"),
                plan.servers().stream().map(s -> s.options().balance().word()).toList());
        assertEquals(null, plan.servers().get(0).balance(), "an in-process mode has no balance");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "balance|kernel,dns|balance: unknown balance 'dns'; valid balances: kernel, proxy, nginx",
            "load|open|the open load model needs a rate",
            "rate|100|-Drate applies only to the open load model",
            "mode|single,fork|mode: unknown mode 'fork'",
            "workload|gpu|workload: unknown workload 'gpu'; valid workloads: hello, cpu, io, mixed",
            "concurrency|0|concurrency must be a whole number from 1",
            "maxGeneratorUtilization|2|maxGeneratorUtilization must be a number above 0 and at most 1",
            "target|http://192.0.2.1:80|is not a loopback address",
            "target|ftp://127.0.0.1:21|-Dtarget must look like http://127.0.0.1:8080",
            "serverCmd|node server.js|-DserverCmd must contain {port}",
            "cores|99|cores must be a whole number from 0 to",
            "trails|5|unknown option 'trails'"})
    void aBadOptionIsOneClearMessage(String name, String value, String expected) {
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(name, value)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void counterStoresAreSweptWhereTheyApply() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "platform,cluster", "workload", "counter",
                "counter", "local,primary,redis")));
        // primary needs a cluster's primary: platform is measured with local and redis only
        assertEquals(List.of("platform local", "platform redis", "cluster local", "cluster primary", "cluster redis"),
                plan.servers().stream().map(s -> s.label() + " " + s.counter().word()).toList());
        assertTrue(plan.servers().stream().allMatch(s -> s.options().counter() == s.counter()));
    }

    @Test
    void counterStoresDoNotMultiplyOtherWorkloads() {
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "cluster", "workload", "hello",
                "counter", "local,primary")));
        assertEquals(1, plan.servers().size());
        assertNull(plan.servers().get(0).counter());
    }

    @Test
    void primaryForAModeWithoutAPrimaryIsOneClearMessage() {
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(
                "mode", "virtual", "workload", "counter", "counter", "primary")));
        assertTrue(e.getMessage().startsWith("counter=primary keeps the count in a cluster's primary, and mode=virtual"
                + " has no primary"), e.getMessage());
    }

    @Test
    void anUnknownCounterStoreListsTheValidOnes() {
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(
                "counter", "memcached")));
        assertEquals("counter: unknown counter store 'memcached'; valid counter stores: local, primary, redis", e.getMessage());
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

    @Test
    void openLoadTakesRates() {
        BenchmarkOptions options = BenchmarkOptions.parse(Map.of("load", "open", "rate", "100,200", "mode", "single",
                "workload", "io"));
        assertEquals(List.of(100.0, 200.0), options.rates());
        assertEquals(2, Plan.of(options).configurations());
    }
}
