package dev.grove.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tokens a model knows, each with an id in {@code 0..size-1}: reserved tokens first, in the order
 * given, then the counted tokens by decreasing count, ties by first appearance in the text.
 *
 * <p><b>The unknown-token rule.</b> A vocabulary may hold the unknown token {@value #UNKNOWN}: it is
 * reserved when asked for, and {@link #build} reserves it by itself, as id 0, whenever
 * {@code min-count} or {@code max-size} leave a counted token out. When the vocabulary holds it,
 * {@link #id} maps every token it does not know to it (so encoding new text never fails); when it
 * does not, asking for an unknown token's id is an {@link IllegalArgumentException} naming the token.
 * A text token equal to a reserved token (say a literal {@code <unk>} in WikiText) is that token.
 */
public final class Vocabulary {

    /** The unknown token, standing for every token the vocabulary does not hold. */
    public static final String UNKNOWN = "<unk>";
    /** The padding token, filling sequences up to a fixed length. */
    public static final String PAD = "<pad>";

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;
    private final int unknownId;

    private Vocabulary(List<String> tokens, long[] counts) {
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.counts = counts;
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            String token = Objects.requireNonNull(tokens.get(i), "token");
            if (ids.put(token, i) != null) {
                throw new IllegalArgumentException("vocabulary: token '" + token + "' appears twice (ids "
                        + tokens.indexOf(token) + " and " + i + ")");
            }
        }
        this.unknownId = ids.getOrDefault(UNKNOWN, -1);
    }

    /**
     * A vocabulary of the tokens counted in {@code counts}.
     *
     * @param minCount the fewest occurrences a token needs to be kept (at least 1)
     * @param maxSize  the most tokens in all, reserved ones included; 0 for no limit
     * @param reserved tokens that come first, in this order, whatever their counts (e.g. {@link #PAD});
     *                 {@value #UNKNOWN} is put first by itself when a token is left out (see the class comment)
     * @throws IllegalArgumentException if a param is out of range, {@code reserved} repeats a token, or
     *                                  {@code maxSize} leaves no room for the reserved tokens
     */
    public static Vocabulary build(TokenCounts counts, int minCount, int maxSize, List<String> reserved) {
        if (minCount < 1) {
            throw new IllegalArgumentException("vocabulary: min-count must be at least 1, got " + minCount);
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("vocabulary: max-size must be at least 0 (0 for no limit), got " + maxSize);
        }
        List<String> head = new ArrayList<>(reserved);
        Set<String> reservedSet = new HashSet<>(head);
        if (reservedSet.size() != head.size()) {
            throw new IllegalArgumentException("vocabulary: reserved tokens must be distinct, got " + reserved);
        }
        List<Integer> kept = new ArrayList<>();
        boolean leftOut = false;
        for (int i = 0; i < counts.size(); i++) {
            if (reservedSet.contains(counts.token(i))) {
                continue;
            }
            if (counts.count(i) >= minCount) {
                kept.add(i);
            } else {
                leftOut = true;
            }
        }
        // A stable sort keeps first-appearance order among equal counts.
        kept.sort((a, b) -> Long.compare(counts.count(b), counts.count(a)));
        if (maxSize > 0 && head.size() + kept.size() > maxSize) {
            leftOut = true;
        }
        if (leftOut && !reservedSet.contains(UNKNOWN)) {
            head.add(0, UNKNOWN);
        }
        int room = maxSize == 0 ? kept.size() : maxSize - head.size();
        if (room < 0) {
            throw new IllegalArgumentException("vocabulary: max-size " + maxSize + " leaves no room for the "
                    + head.size() + " reserved tokens " + head);
        }
        List<String> tokens = new ArrayList<>(head);
        long[] tokenCounts = new long[head.size() + Math.min(room, kept.size())];
        for (int r = 0; r < head.size(); r++) {
            tokenCounts[r] = counts.count(head.get(r));
        }
        for (int k = 0; k < kept.size(); k++) {
            int index = kept.get(k);
            if (k < room) {
                tokenCounts[tokens.size()] = counts.count(index);
                tokens.add(counts.token(index));
            }
        }
        Vocabulary vocabulary = new Vocabulary(tokens, tokenCounts);
        if (vocabulary.hasUnknown()) {
            vocabulary.counts[vocabulary.unknownId] += counts.total() - Arrays.stream(tokenCounts).sum();
        }
        return vocabulary;
    }

    /**
     * The vocabulary whose token with id i is {@code tokens.get(i)}, as saved in a schema; counts are
     * unknown (0). It has an unknown token when {@code tokens} holds {@value #UNKNOWN}.
     */
    public static Vocabulary of(List<String> tokens) {
        return new Vocabulary(tokens, new long[tokens.size()]);
    }

    /** The number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** All tokens, by id. */
    public List<String> tokens() {
        return tokens;
    }

    /** Whether {@code token} has an id of its own (the unknown token's stand-ins do not). */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** Whether the vocabulary holds {@value #UNKNOWN}, which then stands for every token it does not know. */
    public boolean hasUnknown() {
        return unknownId >= 0;
    }

    /** The id of {@value #UNKNOWN}. */
    public int unknownId() {
        if (unknownId < 0) {
            throw new IllegalStateException("vocabulary: there is no unknown token " + UNKNOWN);
        }
        return unknownId;
    }

    /**
     * The id of {@code token}; for a token the vocabulary does not hold, the unknown token's id.
     *
     * @throws IllegalArgumentException if the token is not held and there is no unknown token
     */
    public int id(String token) {
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        if (unknownId >= 0) {
            return unknownId;
        }
        throw new IllegalArgumentException("vocabulary: the token '" + token + "' is not in the vocabulary of "
                + tokens.size() + " tokens, and there is no unknown token " + UNKNOWN + " to stand for it");
    }

    /**
     * The token with id {@code id}.
     *
     * @throws IllegalArgumentException if {@code id} is not in {@code [0, size)}
     */
    public String token(int id) {
        checkId(id);
        return tokens.get(id);
    }

    /**
     * How often the token with id {@code id} occurred in the counted text; for {@value #UNKNOWN},
     * the occurrences of all the tokens left out; 0 for a vocabulary made with {@link #of}.
     */
    public long count(int id) {
        checkId(id);
        return counts[id];
    }

    /** The ids of {@code tokens}, by {@link #id}. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /** The tokens of {@code ids}, by {@link #token}. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(token(id));
        }
        return out;
    }

    private void checkId(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("vocabulary: id " + id + " is out of range; ids run from 0 to "
                    + (tokens.size() - 1) + " (" + tokens.size() + " tokens)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "vocabulary of " + tokens.size() + " tokens" + (hasUnknown() ? " (unknown token " + UNKNOWN + ")" : "");
    }
}
