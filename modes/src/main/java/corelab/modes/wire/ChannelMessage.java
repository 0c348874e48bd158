package corelab.modes.wire;

/**
 * The texts a {@link MessageLine} carries that corelab gives a meaning: a closed set, one
 * record each. The channel itself carries any line of text, as Node.js's
 * {@code process.send} does; a listener reads the messages it knows with their
 * {@code parse} and leaves the rest to the other listeners.
 */
public sealed interface ChannelMessage permits StatsQuery, StatsReport, CounterIncrement, CounterValue, Reload, CrashLoop,
        ProfileCommand, ProfileDumped {
    String format();
}
