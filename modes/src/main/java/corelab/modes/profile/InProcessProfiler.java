package corelab.modes.profile;

import corelab.modes.options.ProfileEvent;
import corelab.modes.wire.ProfileCommand;
import corelab.modes.wire.ProfileDumped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import one.profiler.AsyncProfiler;

/**
 * async-profiler in this JVM, loaded on the first {@code profile start} through its Java API
 * (the library is loaded into the running JVM, as {@code asprof} would attach it, so a
 * cluster's workers need no flag of their own). The first start starts a session; later
 * starts resume it, so the profile adds up the measured trials and leaves out the seconds
 * between them; a dump writes the collapsed stacks and async-profiler's own interactive flame
 * graph and ends the session, so the next configuration's profile holds its own samples only.
 * Calls come one at a time from the channel's thread.
 */
final class InProcessProfiler {
    private final long pid = ProcessHandle.current().pid();
    private final int workerId;
    private final String fileSuffix;
    private AsyncProfiler profiler;
    private ProfileEvent event;
    private String engine;
    private boolean started;

    /** {@code fileSuffix}: what tells this process's files from the others' of one server ("-worker2", or ""). */
    InProcessProfiler(int workerId, String fileSuffix) {
        this.workerId = workerId;
        this.fileSuffix = fileSuffix;
    }

    /** Carries out one command; a dump's answer, once its files are complete. */
    Optional<ProfileDumped> handle(ProfileCommand command) throws IOException {
        switch (command.action()) {
            case LOAD -> load();
            case START -> start(event(command.event()));
            case STOP -> {
                if (profiler != null) {
                    profiler.execute("stop");
                }
            }
            case DUMP -> {
                return Optional.of(dump(command.toPrefix()));
            }
        }
        return Optional.empty();
    }

    private static ProfileEvent event(String word) throws IOException {
        try {
            return ProfileEvent.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        if (profiler == null) {
            Path library = ProfilerLibrary.extract();
            try {
                profiler = AsyncProfiler.getInstance(library.toString());
            } finally {
                // Loaded, the library stays mapped; its file can go now, so even a SIGKILLed JVM leaves none.
                Files.deleteIfExists(library);
            }
        }
    }

    private void start(ProfileEvent requested) throws IOException {
        load();
        if (event == null) {
            event = requested;
            engine = engine(profiler, requested);
        } else if (event != requested) {
            throw new IOException("this server is profiling " + event.word() + ", not " + requested.word());
        }
        profiler.execute((started ? "resume" : "start") + ",event=" + event.asyncProfilerEvent());
        started = true;
    }

    /**
     * Which engine samples {@code cpu}: async-profiler uses perf_events when the kernel lets it
     * open them ({@code check} on a perf event answers OK) and falls back to a timer signal
     * (its {@code selectCpuEngine}), which sees no kernel frames.
     */
    static String engine(AsyncProfiler profiler, ProfileEvent event) {
        return switch (event) {
            case CPU -> perfEventsAllowed(profiler) ? "perf_events" : "itimer";
            case CTIMER -> "ctimer";
            case WALL -> "wall";
            case ALLOC -> "alloc";
            case LOCK -> "lock";
            case JFR -> throw new IllegalArgumentException("jfr is the JDK's Flight Recorder, not async-profiler's");
        };
    }

    private static boolean perfEventsAllowed(AsyncProfiler profiler) {
        try {
            return profiler.execute("check,event=cpu-clock").trim().equals("OK");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ProfileDumped dump(String prefix) throws IOException {
        if (!started) {
            throw new IOException("nothing to dump: the profiler never started");
        }
        String base = prefix + fileSuffix;
        Path collapsed = Path.of(base + ".collapsed");
        Path html = Path.of(base + ".html");
        long samples = profiler.getSamples();
        profiler.execute("collapsed,file=" + collapsed);
        profiler.execute("flamegraph,title=" + title(base) + ",file=" + html);
        // The next configuration on this server starts a session of its own: "start" clears what this one sampled.
        started = false;
        event = null;
        return new ProfileDumped(pid, workerId, engine, samples, collapsed.toString());
    }

    /** async-profiler's option list is comma-separated: a title must hold no comma. */
    private static String title(String base) {
        return Path.of(base).getFileName().toString().replace(',', ' ');
    }
}
