package corelab.harness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import corelab.harness.load.LoadModel;
import corelab.modes.counter.RedisServer;
import corelab.modes.options.Balance;
import corelab.modes.options.CounterStore;
import corelab.modes.options.Mode;
import corelab.modes.options.ProfileEvent;
import corelab.modes.options.OptionException;
import corelab.modes.options.ServerOptions;
import corelab.workloads.Workload;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkOptionsTest {
    @Test
    void theDefaultRunIsEveryModeButPollerOnHelloCpuAndIo() {
        BenchmarkOptions options = BenchmarkOptions.defaults();
        assertEquals(List.of(Mode.SINGLE, Mode.PLATFORM, Mode.VIRTUAL, Mode.OFFLOAD, Mode.CLUSTER),
                options.servers().modes());
        assertEquals(List.of(Workload.HELLO, Workload.CPU, Workload.IO), options.load().workloads());
        assertEquals(List.of(LoadModel.CLOSED), options.load().models());
        assertTrue(options.durations().trials() >= 3, "enough trials for a confidence interval");
        assertNull(options.target());
    }

    /** The second platform model is one option away, alone or beside the five. */
    @Test
    void pollerIsOneOptionAway() {
        assertEquals(List.of(Mode.POLLER), BenchmarkOptions.parse(Map.of("mode", "poller")).servers().modes());
        assertEquals(List.of(Mode.PLATFORM, Mode.POLLER),
                BenchmarkOptions.parse(Map.of("mode", "platform,poller")).servers().modes());
    }

    @Test
    void theDefaultPlanFitsInFiveMinutes() {
        Plan plan = Plan.of(BenchmarkOptions.defaults());
        assertEquals(Mode.defaultRun().size() * 3, plan.configurations());
        assertEquals(Mode.defaultRun().size(), plan.servers().size(), "one server start per mode");
        // load time (every configuration's warmup, then 5 rounds of a 1 s re-warm and a 2 s trial) plus 5 s per
        // server start and answer check: the servers start once, all before the first round
        Schedule schedule = BenchmarkOptions.defaults().schedule();
        assertEquals(1, schedule.forks());
        long seconds = plan.loadSeconds(schedule) + 5L * plan.servers().size();
        assertTrue(seconds <= 300, "plan: " + seconds + " s");
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
            "balance|kernel,dns|balance: unknown balance 'dns'; valid balances: kernel, shared, rr, proxy, nginx",
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
            "trails|5|unknown option 'trails'",
            "profile|cycles|profile: unknown profile event 'cycles'; valid profile events: cpu, ctimer, wall, alloc, lock, jfr",
            "profile|cpu,wall|-Dprofile takes one async-profiler event",
            "profile|jfr,cpu,wall|-Dprofile takes one async-profiler event, with jfr beside it or not"})
    void aBadOptionIsOneClearMessage(String name, String value, String expected) {
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(name, value)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theNodeModesAreNeverProfiled() {
        OptionException e = assertThrows(OptionException.class,
                () -> BenchmarkOptions.parse(Map.of("mode", "single,node-cluster", "profile", "cpu")));
        assertTrue(e.getMessage().contains("the Node.js modes ([node-cluster]) run no JVM"), e.getMessage());
    }

    @Test
    void profilingIsOffUnlessAskedAndTakesOneEvent() {
        assertEquals(Profiling.none(), BenchmarkOptions.defaults().profiling());
        assertEquals(new Profiling(ProfileEvent.CTIMER), BenchmarkOptions.parse(Map.of("profile", "ctimer")).profiling());
        assertEquals(Profiling.none(), BenchmarkOptions.parse(Map.of("profile", "none")).profiling());
        assertEquals(new Profiling(null, true), BenchmarkOptions.parse(Map.of("profile", "jfr")).profiling());
        assertEquals("jfr", new Profiling(null, true).words());
        for (String words : List.of("cpu,jfr", "jfr,cpu")) {
            Profiling both = BenchmarkOptions.parse(Map.of("profile", words)).profiling();
            assertEquals(new Profiling(ProfileEvent.CPU, true), both, words);
            assertEquals("cpu+jfr", both.words());
        }
        for (ProfileEvent sampled : ProfileEvent.values()) {
            if (sampled.asyncProfiler()) {
                assertEquals(new Profiling(sampled, true),
                        BenchmarkOptions.parse(Map.of("profile", "jfr," + sampled.word())).profiling());
            }
        }
        assertTrue(BenchmarkOptions.OPTIONS.help().contains("profile"), "-Dhelp=true lists -Dprofile");
        OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of("profile", "cpu",
                "serverCmd", "node server.js {port}")));
        assertTrue(e.getMessage().startsWith("-Dprofile profiles the JVMs of a mode corelab starts"), e.getMessage());
    }

    @Test
    void counterStoresAreSweptWhereTheyApply() {
        // counter=redis is refused where redis-server is missing, so without it this plan cannot be made
        boolean required = "true".equals(System.getenv("CORELAB_REQUIRE_REDIS"));
        assumeTrue(required || RedisServer.installed().isPresent(), "redis-server is not installed: " + RedisServer.INSTALL);
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
    void openLoadTakesRates() {
        BenchmarkOptions options = BenchmarkOptions.parse(Map.of("load", "open", "rate", "100,200", "mode", "single",
                "workload", "io"));
        assertEquals(List.of(new LoadModel.Open(100), new LoadModel.Open(200)), options.load().models());
        assertEquals(2, Plan.of(options).configurations());
    }

    @Test
    void anUnknownOptionSuggestsTheNearestName() {
        OptionException e = assertThrows(OptionException.class,
                () -> BenchmarkOptions.parse(Map.of("trialSecond", "3")));
        assertTrue(e.getMessage().startsWith("unknown option 'trialSecond'; valid options: mode, workload,"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; did you mean -DtrialSeconds?"), e.getMessage());
    }

    /** A run's record of what it was asked: every option, given or defaulted, as text, in this order. */
    @Test
    void theResolvedOptionsKeepTheirNamesOrderAndDefaultTexts() {
        String cores = Integer.toString(ServerOptions.CORES);
        Map<String, String> expected = new LinkedHashMap<>();
        String[] pairs = {"mode", "all", "workload", "hello,cpu,io", "load", "closed", "concurrency", "64", "rate", "",
                "generator", "corelab", "threads", "200", "workers", cores, "balance", "kernel", "cpuIterations", "250000", "counter", "local",
                "cores", "0", "warmupSeconds", "3", "trialSeconds", "2", "trials", "4", "seed", "0", "forks", "1", "rewarmSeconds", "1", "loadThreads", "1", "pin", "true",
                "requestTimeoutMillis", "10000", "requestsPerConnection", "0", "maxGeneratorUtilization", "0.9",
                "maxErrorPercent", "1", "equivalencePercent", "5", "p99TargetMillis", "", "target", "", "allowRemoteTarget", "false", "serverCmd", "", "fault", "none",
                "profile", "none", "resultsDir", "results", "serverJvmFlags", "", "workerMode", "single", "offloadThreads", cores, "backendDelayMillis", "20",
                "host", "127.0.0.1", "restartDelayMillis", "100", "maxRestarts", "10", "minUptimeMillis", "30000",
                "shutdownGraceMillis", "5000", "tcpMigrateReq", ""};
        for (int i = 0; i < pairs.length; i += 2) {
            expected.put(pairs[i], pairs[i + 1]);
        }
        assertEquals(expected, BenchmarkOptions.OPTIONS.resolvedText(Map.of()));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(BenchmarkOptions.OPTIONS.resolvedText(Map.of()).keySet()));
        assertEquals("8, 200", BenchmarkOptions.OPTIONS.resolvedText(Map.of("threads", "8, 200")).get("threads"),
                "as given");
    }

    /** The sweeps are the server's options: one default, one range, one message. */
    @Test
    void aSweepReadsTheServersDeclaration() {
        assertEquals(List.of(ServerOptions.THREADS.defaultValue()), ServerSweep.THREADS.defaultValue());
        assertEquals(List.of(ServerOptions.CPU_ITERATIONS.defaultValue()), ServerSweep.CPU_ITERATIONS.defaultValue());
        for (String name : List.of("threads", "workers", "cpuIterations", "backendDelayMillis", "offloadThreads")) {
            OptionException server = assertThrows(OptionException.class, () -> ServerOptions.parse(Map.of(name, "-1")));
            OptionException run = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(name, "-1")));
            assertEquals(server.getMessage(), run.getMessage(), name);
        }
    }

    /** JMH's OptionsTest: the command line and the typed records make equal objects. */
    @Test
    void theCommandLineAndTheTypedRecordsAgree() {
        BenchmarkOptions parsed = BenchmarkOptions.parse(Map.ofEntries(Map.entry("mode", "platform,cluster"),
                Map.entry("workload", "cpu,counter"), Map.entry("load", "open"), Map.entry("rate", "100,200"),
                Map.entry("concurrency", "4,8"), Map.entry("threads", "8"), Map.entry("workers", "2,3"),
                Map.entry("balance", "proxy"), Map.entry("cpuIterations", "1000"), Map.entry("counter", "local,primary"),
                Map.entry("cores", "1"), Map.entry("warmupSeconds", "0"), Map.entry("trialSeconds", "3"),
                Map.entry("trials", "4"), Map.entry("seed", "42"), Map.entry("forks", "2"),
                Map.entry("loadThreads", "2"), Map.entry("requestTimeoutMillis", "500"),
                Map.entry("requestsPerConnection", "10"), Map.entry("maxGeneratorUtilization", "0.5"),
                Map.entry("maxErrorPercent", "2.5"), Map.entry("equivalencePercent", "7.5"),
                Map.entry("fault", "kill-server@1s"), Map.entry("resultsDir", "r"),
                Map.entry("serverJvmFlags", " -Xms64m  -Xmx64m "),
                Map.entry("workerMode", "virtual"), Map.entry("offloadThreads", "3"),
                Map.entry("backendDelayMillis", "5"), Map.entry("host", "localhost"), Map.entry("tcpMigrateReq", "0")));
        ServerOptions base = ServerOptions.defaults().with(ServerOptions.WORKER_MODE, Mode.VIRTUAL)
                .with(ServerOptions.OFFLOAD_THREADS, 3).with(ServerOptions.BACKEND_DELAY_MILLIS, 5).withHost("localhost");
        BenchmarkOptions typed = new BenchmarkOptions(
                new ServerSweep(List.of(Mode.PLATFORM, Mode.CLUSTER), List.of(1), List.of(8), List.of(2, 3),
                        List.of(Balance.PROXY), List.of(1000), List.of(CounterStore.LOCAL, CounterStore.PRIMARY), base),
                new LoadSweep(List.of(Workload.CPU, Workload.COUNTER), List.of(4, 8),
                        List.of(new LoadModel.Open(100), new LoadModel.Open(200))),
                new GeneratorSettings(2, 500, 10, Pinning.read(true, 2, List.of(1))), new Durations(0, 3, 4), new Schedule(42, 2, 1),
                new Thresholds(0.5, 2.5, 7.5), null, null,
                List.of(new Fault(Fault.Kind.KILL_SERVER, 1)), Path.of("r"), List.of("-Xms64m", "-Xmx64m"),
                Profiling.none(), 0);
        assertEquals(typed, parsed);
    }

    /** A latency target needs a rate sweep to find a capacity in: open load at two rates or more, no fault run. */
    @Test
    void aLatencyTargetNeedsAnOpenRateSweep() {
        BenchmarkOptions swept = BenchmarkOptions.parse(Map.of("load", "open", "rate", "100,200",
                "p99TargetMillis", "2.5"));
        assertEquals(2.5, swept.thresholds().p99TargetMillis());
        assertEquals(null, BenchmarkOptions.defaults().thresholds().p99TargetMillis(), "no target: no capacity");
        List<Map<String, String>> refused = List.of(Map.of("p99TargetMillis", "5"),
                Map.of("load", "open", "rate", "100", "p99TargetMillis", "5"),
                Map.of("load", "open", "rate", "100,200", "p99TargetMillis", "5", "mode", "single",
                        "fault", "kill-server@1s", "trials", "1", "trialSeconds", "4"));
        for (Map<String, String> given : refused) {
            OptionException e = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(given));
            assertTrue(e.getMessage().startsWith("-Dp99TargetMillis finds the highest rate")
                    && e.getMessage().endsWith("-Dload=open -Drate=500,1000,2000 -Dp99TargetMillis=5"),
                    given + ": " + e.getMessage());
        }
        OptionException zero = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(
                Map.of("load", "open", "rate", "100,200", "p99TargetMillis", "0")));
        assertTrue(zero.getMessage().contains("above 0"), zero.getMessage());
    }

    @Test
    void theToolsDriveClosedLoadOnlyAndNoFaultRun() {
        OptionException open = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(
                Map.of("generator", "corelab,wrk", "load", "open", "rate", "100")));
        assertTrue(open.getMessage().contains("closed load only"), open.getMessage());
        OptionException unknown = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(
                Map.of("generator", "artillery")));
        assertTrue(unknown.getMessage().contains("ab-k"), "lists the valid words: " + unknown.getMessage());
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "single", "workload", "hello",
                "generator", "corelab,wrk")));
        assertEquals(2, plan.configurations(), "one configuration per generator");
    }

    @Test
    void theNodeClustersTakeKillWorkerAndNoNodeModeTakesKillServer() {
        assumeTrue(corelab.modes.NodeProgram.problem().isEmpty(), "needs node");
        Plan plan = Plan.of(BenchmarkOptions.parse(Map.of("mode", "cluster,node-cluster", "workload", "io",
                "fault", "kill-worker@1s,kill-server@1s", "trials", "1", "trialSeconds", "4")));
        assertEquals(3, plan.configurations(), "cluster gets both faults, node-cluster kill-worker only");
        OptionException single = assertThrows(OptionException.class, () -> BenchmarkOptions.parse(Map.of(
                "mode", "node", "workload", "io", "fault", "kill-server@1s", "trials", "1", "trialSeconds", "4")));
        assertTrue(single.getMessage().contains("kill-worker only"), single.getMessage());
    }
}
