package dev.grove.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each token occurs in a text, with the tokens in order of first appearance (which breaks
 * ties between equal counts when a {@link Vocabulary} is built). {@link #add} also returns the
 * token's index in that order, so a reader can keep the text as compact indices and map them to
 * vocabulary ids once the vocabulary exists.
 */
public final class TokenCounts {

    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();
    private long[] counts = new long[64];

    /** Counts one more occurrence of {@code token}; returns its index in order of first appearance. */
    public int add(String token) {
        Integer index = indices.get(token);
        if (index == null) {
            index = tokens.size();
            indices.put(token, index);
            tokens.add(token);
            if (index == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
        }
        counts[index]++;
        return index;
    }

    /** Counts every token of {@code tokens}. */
    public TokenCounts addAll(Iterable<String> tokens) {
        for (String token : tokens) {
            add(token);
        }
        return this;
    }

    /** The number of distinct tokens. */
    public int size() {
        return tokens.size();
    }

    /** The token with index {@code index} (the index-th distinct token to appear). */
    public String token(int index) {
        return tokens.get(index);
    }

    /** How often the token with index {@code index} occurred. */
    public long count(int index) {
        return counts[index];
    }

    /** How often {@code token} occurred (0 if never). */
    public long count(String token) {
        Integer index = indices.get(token);
        return index == null ? 0 : counts[index];
    }

    /** The total number of occurrences counted. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            sum += counts[i];
        }
        return sum;
    }
}
