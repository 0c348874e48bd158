package corelab.results.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A family of comparisons tested together: every pair gets Welch's test, and Holm's correction runs over
 * all of them, so that the chance of any false "difference" in the family stays at 5%. corelab's family
 * is every pairwise comparison of one workload in one run.
 */
public final class ComparisonFamily {
    /** The equivalence margin when none is asked for, in percent of the slower side's mean. */
    public static final double DEFAULT_EQUIVALENCE_PERCENT = 5.0;

    /** One pair to compare: the trials of a against those of b, the baseline. */
    public record Pair(String nameA, double[] a, String nameB, double[] b) {
        public Pair {
            Objects.requireNonNull(nameA, "nameA");
            Objects.requireNonNull(nameB, "nameB");
            a = a.clone();
            b = b.clone();
        }
    }

    private ComparisonFamily() {
    }

    /**
     * Every pair compared, in the order given, corrected together.
     *
     * @param equivalencePercent the margin inside which a difference counts as practically none, in percent
     *                           of the smaller of a pair's two means
     */
    public static List<Comparison> compare(List<Pair> pairs, double equivalencePercent) {
        if (!(equivalencePercent > 0 && equivalencePercent < 100)) {
            throw new IllegalArgumentException("the equivalence margin must be above 0% and below 100%, was "
                    + equivalencePercent);
        }
        double[] raw = pairs.stream().mapToDouble(p -> Comparison.of(p.nameA(), p.a(), p.nameB(), p.b(),
                equivalencePercent, Double.NaN, 1).pValue()).toArray();
        double[] adjusted = Holm.adjust(raw);
        int family = (int) java.util.Arrays.stream(raw).filter(p -> !Double.isNaN(p)).count();
        List<Comparison> results = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            results.add(Comparison.of(p.nameA(), p.a(), p.nameB(), p.b(), equivalencePercent, adjusted[i],
                    Math.max(1, family)));
        }
        return results;
    }
}
