package corelab.results;

import java.util.List;
import java.util.Objects;

/**
 * How the trials of a run were ordered, so that a reader knows what each confidence interval covers.
 * In {@link #INTERLEAVED} rounds, round r holds trial r of every configuration, in {@code rounds.get(r)}'s
 * order (shuffled from {@code seed}); the interval then covers the machine's drift over the whole run, and,
 * with {@code forks} above 1, the variation between server starts. A fault run is one window outside the
 * rounds, one observation; files of schema 1 have no schedule: their trials ran back to back, per
 * configuration, in one server process.
 *
 * @param scheme        {@link #INTERLEAVED}
 * @param seed          the seed each round's order was shuffled from
 * @param forks         how many times every server was started; the rounds split evenly between the starts
 * @param rewarmSeconds unrecorded load before each trial
 * @param rounds        the configuration ids of each round, in the order they ran
 */
public record RunSchedule(String scheme, long seed, int forks, int rewarmSeconds, List<List<String>> rounds) {
    public static final String INTERLEAVED = "interleaved-rounds";

    public RunSchedule {
        Objects.requireNonNull(scheme, "scheme");
        if (forks < 1 || rewarmSeconds < 0) {
            throw new IllegalArgumentException("forks must be >= 1 and rewarmSeconds >= 0, were " + forks + " and "
                    + rewarmSeconds);
        }
        rounds = rounds.stream().map(List::copyOf).toList();
    }

    /** Which server start (from 0) measured round {@code round} (from 0): the rounds split evenly. */
    public int fork(int round) {
        return (int) ((long) round * Math.min(forks, rounds.size()) / rounds.size());
    }
}
