package dev.grove.neural.train;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code train.init-arrays}: the network's array {@code target} starts from the array
 * {@code source} of init-from's file, transposed when written {@code SOURCE^T}. Written
 * {@code "TARGET <- SOURCE"} or {@code "TARGET <- SOURCE^T"}.
 *
 * <p>Why it exists: a masked-token or next-token model without tied weights learns two tables of
 * word vectors, the input embedding ({@code [vocabulary, d]}) and the output layer's weight
 * ({@code [d, vocabulary]}), and the output side gets the richer signal (every prediction updates
 * every column, where an input row is updated only when its word occurs). Starting a classifier's
 * embedding from the transposed output weight, {@code "embedding-1.weight <- dense-1.weight^T"},
 * is the transfer that pays on sentence polarity (see the README).
 *
 * @param target    the full name of the network's array, e.g. {@code embedding-1.weight}
 * @param source    the full name of the saved array, e.g. {@code dense-1.weight}
 * @param transpose whether the saved array (which must be a matrix) is transposed first
 */
public record InitArray(String target, String source, boolean transpose) {

    private static final String ARROW = "<-";
    private static final String TRANSPOSED = "^T";

    /** Checks the names. */
    public InitArray {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        if (target.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("init-arrays: the target and source array names must not be blank");
        }
    }

    /**
     * Reads one entry.
     *
     * @throws IllegalArgumentException if it is not {@code TARGET <- SOURCE} or {@code TARGET <- SOURCE^T}
     */
    public static InitArray parse(String entry) {
        int arrow = entry.indexOf(ARROW);
        String target = arrow < 0 ? "" : entry.substring(0, arrow).strip();
        String right = arrow < 0 ? "" : entry.substring(arrow + ARROW.length()).strip();
        boolean transpose = right.endsWith(TRANSPOSED);
        String source = transpose ? right.substring(0, right.length() - TRANSPOSED.length()).strip() : right;
        if (target.isEmpty() || source.isEmpty() || source.contains(ARROW) || hasWhitespace(target) || hasWhitespace(source)) {
            throw new IllegalArgumentException("init-arrays: '" + entry + "' is not 'TARGET <- SOURCE' or 'TARGET <-"
                    + " SOURCE^T' (full array names, e.g. 'embedding-1.weight <- dense-1.weight^T')");
        }
        return new InitArray(target, source, transpose);
    }

    private static boolean hasWhitespace(String name) {
        return name.chars().anyMatch(Character::isWhitespace);
    }

    /**
     * Reads every entry.
     *
     * @throws IllegalArgumentException if one is malformed or two give the same target
     */
    public static List<InitArray> parseAll(List<String> entries) {
        List<InitArray> parsed = entries.stream().map(InitArray::parse).toList();
        Set<String> targets = new HashSet<>();
        for (InitArray entry : parsed) {
            if (!targets.add(entry.target())) {
                throw new IllegalArgumentException("init-arrays: " + entry.target() + " is given twice in " + entries);
            }
        }
        return parsed;
    }

    @Override
    public String toString() {
        return target + " " + ARROW + " " + source + (transpose ? TRANSPOSED : "");
    }
}
