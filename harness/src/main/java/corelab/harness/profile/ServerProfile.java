package corelab.harness.profile;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.measure.TrialHook;
import corelab.modes.options.ProfileEvent;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import corelab.results.ProfileResult;
import corelab.results.ProfileResult.ProcessProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One configuration's profile: async-profiler runs inside each of the server's JVMs while
 * a trial is recorded (started at the trial's start, stopped at its end, resumed at the next
 * one's), and is dumped once the configuration is measured, to {@code profiles/<stem>*} in
 * the results folder. {@code processes}: how many JVMs answer a dump (1, or a cluster's
 * primary and workers).
 */
public final class ServerProfile implements TrialHook {
    /** How long the JVMs may take to write their files: generous, a liveness bound only. */
    static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);
    static final String FOLDER = "profiles";

    private final ServerUnderTest server;
    private final ProfileEvent event;
    private final Path resultsFolder;
    private final int processes;

    public ServerProfile(ServerUnderTest server, ProfileEvent event, Path resultsFolder, int processes) {
        this.server = server;
        this.event = event;
        this.resultsFolder = resultsFolder;
        this.processes = processes;
    }

    /** What a profiled configuration's id ends with, so it is never mistaken for an unprofiled one. */
    public static String idSuffix(ProfileEvent event) {
        return "/profile-" + event.word();
    }

    @Override
    public void trialStarts(int index) {
        server.send(ProfileCommand.start(event.word()));
    }

    @Override
    public void trialEnds(int index) {
        server.send(ProfileCommand.stop());
    }

    /** Dumps every JVM's profile to files named from {@code stem}, waits for all of them, and merges a cluster's. */
    public ProfileResult finish(String stem) throws RunFailure, InterruptedException {
        if (stem.contains(",") || resultsFolder.toAbsolutePath().toString().contains(",")) {
            // async-profiler reads its file option from a comma-separated list
            throw new RunFailure("async-profiler cannot write to a path with a comma: " + resultsFolder + ", " + stem);
        }
        Path folder = resultsFolder.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RunFailure("cannot create " + folder + ": " + e.getMessage());
        }
        String prefix = folder.resolve(stem).toAbsolutePath().toString();
        int before = server.profileDumps().size();
        if (!server.send(ProfileCommand.dump(prefix))) {
            throw new RunFailure(server.description() + " cannot be told to dump its profile (has it exited?)");
        }
        List<ProfileDumped> dumps = awaitDumps(before, prefix);
        List<ProcessProfile> each = new ArrayList<>();
        for (ProfileDumped dump : dumps) {
            String role = dump.workerId() > 0 ? "worker" : processes > 1 ? "primary" : "server";
            each.add(new ProcessProfile(role, dump.workerId(), dump.pid(), dump.samples(), relative(dump.flameGraph()),
                    relative(dump.collapsed())));
        }
        each.sort(Comparator.comparingInt(ProcessProfile::workerId));
        long samples = dumps.stream().mapToLong(ProfileDumped::samples).sum();
        String engine = dumps.get(0).engine();
        if (dumps.size() == 1) {
            return new ProfileResult(event.word(), engine, samples, each.get(0).flameGraph(), each.get(0).collapsed(), each);
        }
        Path merged = Path.of(prefix + "-merged.collapsed");
        Path html = Path.of(prefix + "-merged.html");
        try {
            FlameGraphs.merge(dumps.stream().map(d -> Path.of(d.collapsed())).toList(), merged, html,
                    stem + " (all processes)");
        } catch (IOException e) {
            throw new RunFailure("cannot merge the profiles of " + server.description() + ": " + e.getMessage());
        }
        return new ProfileResult(event.word(), engine, samples, relative(html.toString()), relative(merged.toString()),
                each);
    }

    private List<ProfileDumped> awaitDumps(int before, String prefix) throws RunFailure, InterruptedException {
        long deadline = System.nanoTime() + DUMP_TIMEOUT.toNanos();
        while (true) {
            List<ProfileDumped> all = server.profileDumps();
            List<ProfileDumped> ours = all.subList(before, all.size()).stream()
                    .filter(d -> d.collapsed().startsWith(prefix)).toList();
            if (ours.size() >= processes) {
                return ours;
            }
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new RunFailure(server.description() + ": " + ours.size() + " of " + processes
                        + " processes dumped their profile within " + DUMP_TIMEOUT.toSeconds() + " s; its last output:\n  "
                        + String.join("\n  ", server.recentOutput()));
            }
            Thread.sleep(50);
        }
    }

    private String relative(String file) {
        return resultsFolder.toAbsolutePath().relativize(Path.of(file)).toString();
    }
}
