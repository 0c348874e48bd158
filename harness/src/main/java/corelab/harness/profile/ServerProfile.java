package corelab.harness.profile;

import corelab.harness.measure.RunFailure;
import corelab.harness.measure.ServerUnderTest;
import corelab.harness.plan.Profiling;
import corelab.modes.options.ProfileEvent;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import corelab.results.FlightRecordingResult;
import corelab.results.FlightRecordingResult.ProcessRecording;
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
 * With jfr, the Flight Recorder runs beside async-profiler (or alone) on the same commands; a process's
 * trials' {@code .jfr} files are chunks, and the JDK reads chunks laid one after another as one
 * recording, so they are concatenated too, into {@code <stem>[-worker<n>].jfr}, for JDK Mission Control.
 */
public final class ServerProfile {
    /** How long the JVMs may take to write their files: generous, a liveness bound only. */
    static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);
    static final String FOLDER = "profiles";

    private final Profiling profiling;
    private final ProfileEvent event;
    private final Path resultsFolder;
    private final int processes;
    private final List<ProfileDumped> trialDumps = new ArrayList<>();
    private final List<ProfileDumped> recordingDumps = new ArrayList<>();
    private final List<List<Path>> trialRecordings = new ArrayList<>();

    public ServerProfile(Profiling profiling, Path resultsFolder, int processes) {
        this.profiling = profiling;
        this.event = profiling.event();
        this.resultsFolder = resultsFolder;
        this.processes = processes;
    }

    /** What a profiled configuration's id ends with, so it is never mistaken for an unprofiled one. */
    public static String idSuffix(Profiling profiling) {
        return "/profile-" + profiling.words();
    }

    /**
     * Readies the Flight Recorder on a (re)started {@code server} before its warmups, so that no trial
     * pays for its set-up. async-profiler is left to load at the first trial's start, as before: loaded
     * before the warmups it turns on the JIT's debug info between safepoints (DebugNonSafepoints) for the
     * code compiled in them, and on JDK 25 here that put single's cpu kernel samples on an unrelated
     * frame (EPollSelectorImpl.processUpdateQueue, 248 of about 290).
     */
    public void load(ServerUnderTest server) {
        if (profiling.jfr()) {
            server.send(ProfileCommand.load(ProfileEvent.JFR.word()));
        }
    }

    /** A trial of this configuration starts recording on {@code server}. */
    public void trialStarts(ServerUnderTest server) {
        if (event != null) {
            server.send(ProfileCommand.start(event.word()));
        }
        if (profiling.jfr()) {
            server.send(ProfileCommand.start(ProfileEvent.JFR.word()));
        }
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
        List<ProfileDumped> dumps = awaitDumps(server, before, prefix);
        trialDumps.addAll(dumps.stream().filter(d -> !d.flightRecording()).toList());
        trialRecordings.add(dumps.stream().filter(ProfileDumped::flightRecording).map(d -> Path.of(d.file())).toList());
        recordingDumps.addAll(dumps.stream().filter(ProfileDumped::flightRecording).toList());
    }

    /** The trials' dumps added up: one profile per process, and a merged one when there are several. */
    public ProfileResult finish(String stem) throws RunFailure {
        if (trialDumps.isEmpty() && recordingDumps.isEmpty()) {
            throw new RunFailure("no trial of " + stem + " was profiled");
        }
        String prefix = folder(stem).resolve(stem).toAbsolutePath().toString();
        FlightRecordingResult recording = profiling.jfr() ? flightRecording(stem, prefix) : null;
        if (event == null) {
            return new ProfileResult(profiling.words(), null, 0, null, null, List.of(), recording);
        }
        Map<Integer, List<ProfileDumped>> byWorker = new TreeMap<>();
        trialDumps.forEach(d -> byWorker.computeIfAbsent(d.workerId(), k -> new ArrayList<>()).add(d));
        List<ProcessProfile> each = new ArrayList<>();
        try {
            for (Map.Entry<Integer, List<ProfileDumped>> worker : byWorker.entrySet()) {
                int workerId = worker.getKey();
                List<ProfileDumped> dumps = worker.getValue();
                String role = role(workerId);
                String base = prefix + fileSuffix(workerId);
                Path collapsed = Path.of(base + ".collapsed");
                Path html = Path.of(base + ".html");
                FlameGraphs.merge(dumps.stream().map(d -> Path.of(d.file())).toList(), collapsed, html,
                        Path.of(base).getFileName().toString());
                each.add(new ProcessProfile(role, workerId, dumps.get(dumps.size() - 1).pid(),
                        dumps.stream().mapToLong(ProfileDumped::samples).sum(), relative(html), relative(collapsed)));
            }
            long samples = trialDumps.stream().mapToLong(ProfileDumped::samples).sum();
            String engine = trialDumps.get(0).engine();
            if (each.size() == 1) {
                return new ProfileResult(profiling.words(), engine, samples, each.get(0).flameGraph(),
                        each.get(0).collapsed(), each, recording);
            }
            Path merged = Path.of(prefix + "-merged.collapsed");
            Path html = Path.of(prefix + "-merged.html");
            FlameGraphs.merge(each.stream().map(p -> resultsFolder.resolve(p.collapsed())).toList(), merged, html,
                    stem + " (all processes)");
            return new ProfileResult(profiling.words(), engine, samples, relative(html), relative(merged), each,
                    recording);
        } catch (IOException e) {
            throw new RunFailure("cannot merge the profiles of " + stem + ": " + e.getMessage());
        }
    }

    /**
     * Each process's trials' recordings concatenated into one file (the trials' own files then go),
     * and the events that teach read from the trials' files first, trial by trial.
     */
    private FlightRecordingResult flightRecording(String stem, String prefix) throws RunFailure {
        try {
            Map<Integer, List<ProfileDumped>> byWorker = new TreeMap<>();
            recordingDumps.forEach(d -> byWorker.computeIfAbsent(d.workerId(), k -> new ArrayList<>()).add(d));
            List<ProcessRecording> each = new ArrayList<>();
            for (Map.Entry<Integer, List<ProfileDumped>> worker : byWorker.entrySet()) {
                List<ProfileDumped> dumps = worker.getValue();
                Path file = Path.of(prefix + fileSuffix(worker.getKey()) + ".jfr");
                ProfileFiles.concatenate(dumps.stream().map(d -> Path.of(d.file())).toList(), file);
                each.add(new ProcessRecording(role(worker.getKey()), worker.getKey(), dumps.get(dumps.size() - 1).pid(),
                        dumps.stream().mapToLong(ProfileDumped::samples).sum(), relative(file)));
            }
            FlightRecordingResult result = FlightRecordings.summarize(trialRecordings, each);
            for (ProfileDumped dump : recordingDumps) {
                Files.deleteIfExists(Path.of(dump.file()));
            }
            return result;
        } catch (IOException | RuntimeException e) {
            throw new RunFailure("cannot read the flight recordings of " + stem + ": " + e.getMessage());
        }
    }

    private String role(int workerId) {
        return workerId > 0 ? "worker" : processes > 1 ? "primary" : "server";
    }

    private String fileSuffix(int workerId) {
        return workerId > 0 ? "-worker" + workerId : processes > 1 ? "-primary" : "";
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
                    .filter(d -> d.file().startsWith(prefix)).toList();
            if (ours.size() >= processes * recorders()) {
                return ours;
            }
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new RunFailure(server.description() + ": " + ours.size() + " of " + processes * recorders()
                        + " profiles (processes times recorders) were dumped within " + DUMP_TIMEOUT.toSeconds() + " s; its last output:\n  "
                        + String.join("\n  ", server.recentOutput()));
            }
            Thread.sleep(50);
        }
    }

    /** How many answers each process gives a dump: async-profiler's, the Flight Recorder's, or both. */
    private int recorders() {
        return (event == null ? 0 : 1) + (profiling.jfr() ? 1 : 0);
    }

    private String relative(Path file) {
        return resultsFolder.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }
}
