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
 * Whether the servers' JVMs are profiled during the measured trials ({@code -Dprofile=}), and
 * with which event; {@code event} is null for none. A profiled run also measures its first
 * configuration once unprofiled, the one place where the two are compared: the profiler's cost.
 */
public record Profiling(ProfileEvent event) {
    public static final Option<List<ProfileEvent>> PROFILE = Option.of("profile", ValueType.orWord("none", List.of(),
                    ValueType.list(ValueType.word(ProfileEvent::fromWord), false)), List.of(),
            "async-profiler in every server JVM during the measured trials, one interactive flame graph per"
                    + " configuration in the results folder: none, or one of " + Arrays.stream(ProfileEvent.values())
                    .map(e -> e.word() + " (" + e.description() + ")").collect(Collectors.joining("; ")));

    public static Profiling none() {
        return new Profiling(null);
    }

    public boolean enabled() {
        return event != null;
    }

    static Profiling read(OptionValues values) {
        List<ProfileEvent> events = values.get(PROFILE);
        if (events.size() > 1) {
            // async-profiler 4.1 refuses several events outside JFR: "Only JFR output supports multiple events"
            throw new OptionException("-Dprofile takes one event (async-profiler writes several at once only as"
                    + " JFR, not as the flame graph corelab shows), was " + PROFILE.text(events) + "; run once per event");
        }
        return new Profiling(events.isEmpty() ? null : events.get(0));
    }
}
