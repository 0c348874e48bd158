package corelab.modes.options;

import corelab.workloads.CommandWord;

/**
 * What is recorded in a server JVM during the measured trials ({@code -Dprofile=}): what
 * async-profiler samples, or {@link #JFR}, the JDK's own Flight Recorder, which records beside
 * it. One async-profiler event per profile: its flame graph and collapsed outputs hold one kind
 * of sample (several events at once need its JFR output). {@link #asyncProfilerEvent()} is the
 * word async-profiler itself takes in {@code start,event=...}; null for {@link #JFR}.
 */
public enum ProfileEvent implements CommandWord {
    CPU("cpu", "cpu", "CPU time, kernel frames included; sampled by perf_events, or by a timer where those are refused"),
    CTIMER("ctimer", "ctimer", "CPU time sampled by a per-thread timer (timer_create): what a machine without perf_events"
            + " gets; no kernel frames"),
    WALL("wall", "wall", "wall-clock time of every thread, running or waiting"),
    ALLOC("alloc", "alloc", "where the heap is allocated, weighted by bytes"),
    LOCK("lock", "lock", "where threads wait for a contended lock, weighted by time"),
    JFR("jfr", null, "the JDK Flight Recorder's events that teach (virtual threads pinned, parks, socket reads and"
            + " writes, GC pauses, carrier threads' CPU), one .jfr per process; alone or with one of the above");

    private final String word;
    private final String asyncProfilerEvent;
    private final String description;

    ProfileEvent(String word, String asyncProfilerEvent, String description) {
        this.word = word;
        this.asyncProfilerEvent = asyncProfilerEvent;
        this.description = description;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }

    public String asyncProfilerEvent() {
        return asyncProfilerEvent;
    }

    /** Whether async-profiler records this event (all but {@link #JFR}). */
    public boolean asyncProfiler() {
        return asyncProfilerEvent != null;
    }

    public static ProfileEvent fromWord(String word) {
        return CommandWord.fromWord(ProfileEvent.class, "profile event", word);
    }
}
