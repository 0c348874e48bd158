package corelab.modes.options;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name a mistyped one was probably meant to be: the nearest by edit distance
 * (a swap of two neighbours counts as one edit, as in {@code mdoe}), if it is close enough
 * to be a typo rather than another word.
 */
final class NearestName {
    private NearestName() {
    }

    static Optional<String> of(String given, Collection<String> valid) {
        String typed = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String name : valid) {
            int distance = distance(typed, name.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                nearest = name;
            }
        }
        return best <= allowed ? Optional.of(nearest) : Optional.empty();
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
