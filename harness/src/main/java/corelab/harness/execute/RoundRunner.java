package corelab.harness.execute;

import corelab.harness.console.Commands;
import corelab.harness.console.Progress;
import corelab.harness.load.CounterLedger;
import corelab.harness.load.RequestTemplate;
import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.plan.BenchmarkOptions;
import corelab.harness.plan.LoadPoint;
import corelab.harness.plan.Schedule;
import corelab.harness.plan.Profiling;
import corelab.harness.plan.ServerPlan;
import corelab.harness.profile.ServerProfile;
import corelab.results.RunSchedule;
import corelab.workloads.Workload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trials of every configuration, interleaved: every server is started (each fork starts them all
 * again), each configuration warmed up once per start, then round after round, one trial of every
 * configuration per round in the order the {@link Schedule} drew for that round. Servers stay running
 * between their trials and get a short re-warm before each.
 */
final class RoundRunner {
    /** Starts (or reaches) the server of a plan, ready for load. */
    interface Starter {
        ServerUnderTest start(ServerPlan plan) throws RunFailure;
    }

    /** Called after every round, to save what was measured so far. */
    interface AfterRound {
        void roundDone() throws RunFailure;
    }

    private record Slot(int server, LoadPoint point, List<RequestTemplate> requests, Measurement measurement) {
    }

    private final List<ServerPlan> servers;
    private final Schedule schedule;
    private final int rounds;
    private final Progress progress;
    private final PrintStream console;
    private final List<Slot> slots = new ArrayList<>();
    private final List<List<String>> roundsRun = new CopyOnWriteArrayList<>();

    /**
     * {@code resultsFolder}: where a profiled run's profiles go. A profiled run (-Dprofile) profiles every
     * configuration, and measures the first one once more, unprofiled, in the same rounds: the profiler's cost.
     */
    RoundRunner(BenchmarkOptions options, Schedule schedule, List<ServerPlan> servers, Progress progress,
                PrintStream console, Path resultsFolder) {
        this.servers = List.copyOf(servers);
        this.schedule = schedule;
        this.rounds = options.durations().trials();
        this.progress = progress;
        this.console = console;
        Profiling profiling = options.profiling();
        for (int i = 0; i < servers.size(); i++) {
            ServerPlan plan = servers.get(i);
            for (LoadPoint point : plan.loadPoints()) {
                List<RequestTemplate> requests = WorkloadRequests.templates(point.workload(), plan.options());
                if (profiling.enabled() && slots.isEmpty()) {
                    slots.add(new Slot(i, point, requests, new Measurement(options.durations(), options.generator(),
                            options.thresholds(), plan, point, progress::step, null, "")));
                }
                ProfiledTrials profile = null;
                String idSuffix = "";
                if (profiling.enabled()) {
                    int processes = plan.workers() == null ? 1 : plan.workers() + 1; // a cluster: its primary too
                    profile = new ProfiledTrials(new ServerProfile(profiling, resultsFolder, processes), rounds);
                    idSuffix = ServerProfile.idSuffix(profiling);
                }
                slots.add(new Slot(i, point, requests, new Measurement(options.durations(), options.generator(),
                        options.thresholds(), plan, point, progress::step, profile, idSuffix)));
            }
        }
    }

    /** How many configurations the rounds measure: a profiled run's overhead baseline included. */
    int configurations() {
        return slots.size();
    }

    /** Every configuration's measurement, in the plan's order; those without a trial yet included. */
    List<Measurement> measurements() {
        return slots.stream().map(Slot::measurement).toList();
    }

    /** The order the rounds ran in so far, for results.json; null when there were no configurations to interleave. */
    RunSchedule recorded() {
        return slots.isEmpty() ? null : new RunSchedule(RunSchedule.INTERLEAVED, schedule.seed(), schedule.forks(),
                schedule.rewarmSeconds(), List.copyOf(roundsRun));
    }

    void run(Starter starter, AfterRound afterRound) throws RunFailure, InterruptedException {
        List<List<Integer>> order = schedule.order(slots.size(), rounds);
        int round = 0;
        for (int fork = 0; round < rounds && !slots.isEmpty(); fork++) {
            List<ServerUnderTest> started = new ArrayList<>();
            try {
                for (ServerPlan plan : servers) {
                    ServerUnderTest server = starter.start(plan);
                    started.add(server);
                    if (!server.command().isEmpty()) {
                        console.println("+ " + Commands.abbreviate(server.command()));
                    }
                }
                warmUpAll(started, order.get(round));
                for (; round < rounds && schedule.fork(round, rounds) == fork; round++) {
                    List<String> ran = new ArrayList<>();
                    for (int k : order.get(round)) {
                        Slot slot = slots.get(k);
                        Measurement measurement = slot.measurement();
                        progress.describe(measurement.id() + " (round " + (round + 1) + " of " + rounds + ")");
                        List<ServerUnderTest> others = new ArrayList<>(started);
                        others.remove(slot.server()); // by index: the measured one
                        measurement.trial(round + 1, schedule.rewarmSeconds(), slot.requests(), others);
                        ran.add(measurement.id());
                    }
                    roundsRun.add(ran);
                    afterRound.roundDone();
                }
            } finally {
                started.forEach(ServerUnderTest::close);
            }
        }
    }

    /** A fresh start of every server: each workload's answer checked once per server, then every warmup. */
    private void warmUpAll(List<ServerUnderTest> started, List<Integer> firstRound)
            throws RunFailure, InterruptedException {
        List<CounterLedger> ledgers = new ArrayList<>();
        List<Set<Workload>> verified = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            ledgers.add(new CounterLedger()); // one per server start: its count lives as long as the server does
            verified.add(new HashSet<>());
        }
        // Before any warmup: what a recorder needs readied must not fall in a trial (ServerProfile.load).
        for (Slot slot : slots) {
            slot.measurement().serverStarted(started.get(slot.server()));
        }
        for (int k : firstRound) {
            Slot slot = slots.get(k);
            ServerUnderTest server = started.get(slot.server());
            if (verified.get(slot.server()).add(slot.point().workload())) {
                WorkloadRequests.verify(server.address(), server.description(), slot.requests().get(0),
                        ledgers.get(slot.server()));
            }
            progress.describe(slot.measurement().id() + " (warmup)");
            slot.measurement().warmUp(server, ledgers.get(slot.server()), slot.requests());
        }
    }
}
