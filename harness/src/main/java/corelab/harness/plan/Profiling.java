package corelab.harness.plan;

import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ProfileEvent;
import corelab.modes.options.ValueType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the servers' JVMs are profiled during the measured trials ({@code -Dprofile=}): with
 * which async-profiler event ({@code event}, null for none), and whether the JDK Flight Recorder
 * records beside it ({@code jfr}). A profiled run also measures its first configuration once
 * unprofiled, the one place where the two are compared: the profiler's cost.
 */
public record Profiling(ProfileEvent event, boolean jfr) {
    public static final Option<List<ProfileEvent>> PROFILE = Option.of("profile", ValueType.orWord("none", List.of(),
                    ValueType.list(ValueType.word(ProfileEvent::fromWord), false)), List.of(),
            "async-profiler in every server JVM during the measured trials, one interactive flame graph per"
                    + " configuration in the results folder, and/or the JDK Flight Recorder (e.g. cpu,jfr): none, or"
                    + " one or two of " + Arrays.stream(ProfileEvent.values())
                    .map(e -> e.word() + " (" + e.description() + ")").collect(Collectors.joining("; ")));

    public Profiling {
        if (event == ProfileEvent.JFR) {
            throw new IllegalArgumentException("jfr is not an async-profiler event: pass jfr=true");
        }
    }

    /** async-profiler alone. */
    public Profiling(ProfileEvent event) {
        this(event, false);
    }

    public static Profiling none() {
        return new Profiling(null);
    }

    public boolean enabled() {
        return event != null || jfr;
    }

    /** The words given, in a form that fits a configuration's id and a file name: {@code cpu+jfr}. */
    public String words() {
        return words("+");
    }

    /** The words given, between {@code separator}s: {@code ","} gives the option's own text. */
    public String words(String separator) {
        return (event == null ? "" : event.word() + (jfr ? separator : "")) + (jfr ? ProfileEvent.JFR.word() : "");
    }

    static Profiling read(OptionValues values) {
        List<ProfileEvent> events = values.get(PROFILE);
        boolean jfr = events.contains(ProfileEvent.JFR);
        List<ProfileEvent> sampled = events.stream().filter(ProfileEvent::asyncProfiler).distinct().toList();
        if (sampled.size() > 1) {
            // async-profiler 4.1 refuses several events outside JFR: "Only JFR output supports multiple events"
            throw new OptionException("-Dprofile takes one async-profiler event, with jfr beside it or not"
                    + " (async-profiler writes several events at once only as JFR, not as the flame graph corelab"
                    + " shows), was " + PROFILE.text(events) + "; run once per event");
        }
        return new Profiling(sampled.isEmpty() ? null : sampled.get(0), jfr);
    }
}
