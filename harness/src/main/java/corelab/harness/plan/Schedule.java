package corelab.harness.plan;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.modes.options.Option;
import corelab.modes.options.OptionValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * In which order trials run: in rounds, one trial of every configuration per round, the order shuffled
 * afresh each round. A machine drifts (a shared host gets busier, a CPU warms and slows): measured one
 * configuration after another, minutes apart, the drift would pass for a difference between modes; in
 * shuffled rounds it spreads over all of them and widens every interval instead. {@code forks} splits the
 * rounds into that many groups and starts every server afresh for each (JMH's word), so the interval
 * covers the variation between server starts too. The seed makes the order reproducible.
 *
 * @param seed          the shuffle's seed, as recorded in results.json; 0 until {@link #drawn} picks one
 * @param forks         server starts per configuration, each with its own full warmup
 * @param rewarmSeconds load before each trial, never recorded: the connections open and the server, idle
 *                      while the others were measured, is busy again before the trial starts
 */
public record Schedule(long seed, int forks, int rewarmSeconds) {
    public static final Option<Integer> SEED = Option.of("seed", wholeNumber(0, Integer.MAX_VALUE), 0,
            "the seed that shuffles the order of each round of trials; 0 draws one (results.json records it)");
    public static final Option<Integer> FORKS = Option.of("forks", wholeNumber(1, 100), 1,
            "start every server this many times, the rounds of trials split between the starts, each start"
                    + " with its own warmup; at most -Dtrials");
    public static final Option<Integer> REWARM_SECONDS = Option.of("rewarmSeconds", wholeNumber(0, 60), 1,
            "load before each trial, never measured, after the server sat idle while the others were measured");

    public Schedule {
        FORKS.check(forks);
        REWARM_SECONDS.check(rewarmSeconds);
    }

    static Schedule read(OptionValues values) {
        return new Schedule(values.get(SEED), values.get(FORKS), values.get(REWARM_SECONDS));
    }

    /** This schedule with a seed: the one given, or one drawn now when none was (0). */
    public Schedule drawn() {
        return seed != 0 ? this : new Schedule(new Random().nextInt(1, Integer.MAX_VALUE), forks, rewarmSeconds);
    }

    /**
     * The order of each round: {@code rounds} permutations of {@code 0 .. configurations - 1}, each drawn
     * from one generator seeded once, so the same seed gives the same orders on every machine and JDK
     * ({@link Random}'s sequence is specified).
     */
    public List<List<Integer>> order(int configurations, int rounds) {
        Random random = new Random(seed);
        List<List<Integer>> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Integer> shuffled = new ArrayList<>(IntStream.range(0, configurations).boxed().toList());
            Collections.shuffle(shuffled, random);
            order.add(List.copyOf(shuffled));
        }
        return order;
    }

    /** Which start (from 0) round {@code round} (from 0) of {@code rounds} belongs to: the rounds split evenly. */
    public int fork(int round, int rounds) {
        return (int) ((long) round * Math.min(forks, rounds) / rounds);
    }
}
