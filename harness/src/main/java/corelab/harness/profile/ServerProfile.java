package corelab.harness.profile;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration's profile. In interleaved rounds a server serves several configurations, so a
 * profiler session must never span two of them: async-profiler runs inside each of the server's JVMs
 * for one trial only (started at its start, stopped at its end) and that trial is dumped at once, to
 * {@code profiles/<stem>-trial<index>*} in the results folder (a dump ends the session, so the next
 * start clears). Once the configuration's last trial is dumped, {@link #finish} adds up the trials of
 * each process (the same worker id across forks) and of all processes, as collapsed stacks are added:
 * by concatenation. {@code processes}: how many JVMs answer a dump (1, or a cluster's primary and workers).
 */
public final class ServerProfile {
    /** How long the JVMs may take to write their files: generous, a liveness bound only. */
    static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);
    static final String FOLDER = "profiles";

    private final ProfileEvent event;
    private final Path resultsFolder;
    private final int processes;
    private final List<ProfileDumped> trialDumps = new ArrayList<>();

    public ServerProfile(ProfileEvent event, Path resultsFolder, int processes) {
        this.event = event;
        this.resultsFolder = resultsFolder;
        this.processes = processes;
    }

    /** What a profiled configuration's id ends with, so it is never mistaken for an unprofiled one. */
    public static String idSuffix(ProfileEvent event) {
        return "/profile-" + event.word();
    }

    /** A trial of this configuration starts recording on {@code server}. */
    public void trialStarts(ServerUnderTest server) {
        server.send(ProfileCommand.start(event.word()));
    }

    /** It stopped recording. */
    public void trialEnds(ServerUnderTest server) {
        server.send(ProfileCommand.stop());
    }

    /** Dumps what the trial sampled, in every JVM of {@code server}, to files of its own, and waits for them. */
    public void dumpTrial(ServerUnderTest server, String stem, int index) throws RunFailure, InterruptedException {
        Path folder = folder(stem);
        String prefix = folder.resolve(stem + "-trial" + index).toAbsolutePath().toString();
        int before = server.profileDumps().size();
        if (!server.send(ProfileCommand.dump(prefix))) {
            throw new RunFailure(server.description() + " cannot be told to dump its profile (has it exited?)");
        }
        trialDumps.addAll(awaitDumps(server, before, prefix));
    }

    /** The trials' dumps added up: one profile per process, and a merged one when there are several. */
    public ProfileResult finish(String stem) throws RunFailure {
        if (trialDumps.isEmpty()) {
            throw new RunFailure("no trial of " + stem + " was profiled");
        }
        String prefix = folder(stem).resolve(stem).toAbsolutePath().toString();
        Map<Integer, List<ProfileDumped>> byWorker = new TreeMap<>();
        trialDumps.forEach(d -> byWorker.computeIfAbsent(d.workerId(), k -> new ArrayList<>()).add(d));
        List<ProcessProfile> each = new ArrayList<>();
        try {
            for (Map.Entry<Integer, List<ProfileDumped>> worker : byWorker.entrySet()) {
                int workerId = worker.getKey();
                List<ProfileDumped> dumps = worker.getValue();
                String role = workerId > 0 ? "worker" : processes > 1 ? "primary" : "server";
                String base = prefix + (workerId > 0 ? "-worker" + workerId : processes > 1 ? "-primary" : "");
                Path collapsed = Path.of(base + ".collapsed");
                Path html = Path.of(base + ".html");
                FlameGraphs.merge(dumps.stream().map(d -> Path.of(d.collapsed())).toList(), collapsed, html,
                        Path.of(base).getFileName().toString());
                each.add(new ProcessProfile(role, workerId, dumps.get(dumps.size() - 1).pid(),
                        dumps.stream().mapToLong(ProfileDumped::samples).sum(), relative(html), relative(collapsed)));
            }
            long samples = trialDumps.stream().mapToLong(ProfileDumped::samples).sum();
            String engine = trialDumps.get(0).engine();
            if (each.size() == 1) {
                return new ProfileResult(event.word(), engine, samples, each.get(0).flameGraph(),
                        each.get(0).collapsed(), each);
            }
            Path merged = Path.of(prefix + "-merged.collapsed");
            Path html = Path.of(prefix + "-merged.html");
            FlameGraphs.merge(each.stream().map(p -> resultsFolder.resolve(p.collapsed())).toList(), merged, html,
                    stem + " (all processes)");
            return new ProfileResult(event.word(), engine, samples, relative(html), relative(merged), each);
        } catch (IOException e) {
            throw new RunFailure("cannot merge the profiles of " + stem + ": " + e.getMessage());
        }
    }

    private Path folder(String stem) throws RunFailure {
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
        return folder;
    }

    private List<ProfileDumped> awaitDumps(ServerUnderTest server, int before, String prefix)
            throws RunFailure, InterruptedException {
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

    private String relative(Path file) {
        return resultsFolder.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }
}
