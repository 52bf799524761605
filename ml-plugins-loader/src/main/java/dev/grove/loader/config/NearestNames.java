package dev.grove.loader.config;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the valid name nearest to a misspelt one, for "did you mean" hints. The input is first
 * normalised the way people get keys wrong ({@code maxIter}, {@code max_iter}, {@code Max-Iter} all
 * become {@code max-iter}); then the optimal-string-alignment (Damerau) distance must be at most a
 * third of the candidate's length (at least 1, at most 3). Failing that, the shortest candidate
 * containing the input (4+ characters) is offered, so {@code scaler} finds {@code standard-scaler}.
 */
public final class NearestNames {

    private NearestNames() {
    }

    /** {@code "; did you mean 'max-iter'?"} for the nearest candidate, or {@code ""} if none is near. */
    public static String suggest(String input, Collection<String> candidates) {
        return nearest(input, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** Appends {@code more} to a message as a new clause: after a question ("…?") with a space, else with "; ". */
    static String then(String message, String more) {
        return message + (message.endsWith("?") ? " " : "; ") + more;
    }

    /** The nearest candidate within the threshold; ties go to the earlier candidate. */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String normalized = normalize(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(normalized, candidate);
            if (d < bestDistance && d <= threshold(candidate)) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null && normalized.length() >= 4) {
            for (String candidate : candidates) {
                if (candidate.contains(normalized) && (best == null || candidate.length() < best.length())) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
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

    private static int threshold(String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 3));
    }

    private static String normalize(String input) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            boolean wordBreak = Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(input.charAt(i - 1));
            sb.append(wordBreak ? "-" : "").append(ch == '_' ? '-' : Character.toLowerCase(ch));
        }
        return sb.toString();
    }
}
