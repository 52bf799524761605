package dev.grove.api.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name closest to a mistyped one, for "did you mean …?" hints in error messages. */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The name in {@code candidates} with the smallest edit distance to {@code wanted} (ignoring
     * case), if it is close enough to be a plausible typo: at most half the length of the longer name.
     */
    public static Optional<String> of(String wanted, Collection<String> candidates) {
        String target = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(2, Math.max(wanted.length(), best.length()) / 2)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** {@code " (did you mean 'x'?)"} or the empty string when nothing is close. */
    public static String hint(String wanted, Collection<String> candidates) {
        return of(wanted, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** Levenshtein distance (insertions, deletions and substitutions cost 1). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
