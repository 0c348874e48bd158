package corelab.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for a family of tests. Twenty pairwise tests at 5% each find about one
 * "difference" in pure noise; Holm keeps the chance of any false finding in the whole family at 5%, and
 * is never less powerful than Bonferroni.
 *
 * <p>Adjusted p-values as R's {@code p.adjust(p, "holm")} gives them: sort ascending, multiply the i-th
 * smallest (from 0) by {@code m - i}, carry the running maximum so the order is kept, and cap at 1. A
 * test is significant after the correction when its adjusted p is below the family's level.
 */
public final class Holm {
    private Holm() {
    }

    /** The adjusted p-values, in the order given. NaN stays NaN and does not count towards the family size. */
    public static double[] adjust(double... pValues) {
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i]))
                .boxed().sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        int family = order.length;
        double runningMax = 0;
        for (int rank = 0; rank < family; rank++) {
            int i = order[rank];
            runningMax = Math.max(runningMax, Math.min(1, (family - rank) * pValues[i]));
            adjusted[i] = runningMax;
        }
        return adjusted;
    }
}
