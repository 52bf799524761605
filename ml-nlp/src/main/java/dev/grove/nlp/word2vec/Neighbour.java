package dev.grove.nlp.word2vec;

/**
 * A word and its cosine similarity to a query, as {@link WordVectors#nearest} and
 * {@link WordVectors#analogy} return them (most similar first).
 *
 * @param word       the word
 * @param similarity the cosine similarity, in [−1, 1]
 */
public record Neighbour(String word, double similarity) {
}
