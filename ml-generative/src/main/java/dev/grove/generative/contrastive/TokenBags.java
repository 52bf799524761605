package dev.grove.generative.contrastive;

import dev.grove.tensor.Tensor;

/**
 * Mean-pooling weights of token sequences: row b of the matrix holds, for each vocabulary id, how
 * often it occurs in sequence b divided by the sequence's length. Multiplying it by the token
 * embeddings ({@code [vocabulary, dim]}) gives the mean embedding of each sequence in one matrix
 * product, which autograd differentiates like any other.
 */
final class TokenBags {

    private TokenBags() {
    }

    /** The weights of {@code sequences} (token ids in [0, vocabularySize), none empty) as {@code [sequences, vocabularySize]}. */
    static Tensor of(int[][] sequences, int vocabularySize) {
        float[] weights = new float[Math.multiplyExact(sequences.length, vocabularySize)];
        for (int b = 0; b < sequences.length; b++) {
            add(sequences[b], weights, b * vocabularySize);
        }
        return Tensor.of(weights, sequences.length, vocabularySize);
    }

    /** Adds the mean-pooling weights of {@code ids} into {@code row} starting at {@code offset}. */
    static void add(int[] ids, float[] row, int offset) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("clip: a text of no words has no mean embedding");
        }
        float share = 1f / ids.length;
        for (int id : ids) {
            row[offset + id] += share;
        }
    }
}
