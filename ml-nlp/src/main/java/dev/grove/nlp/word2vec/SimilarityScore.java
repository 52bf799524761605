package dev.grove.nlp.word2vec;

/**
 * The result of {@link WordVectors#evaluateSimilarities}, as gensim's {@code evaluate_word_pairs}:
 * how well the cosine similarities of word pairs follow human similarity scores.
 *
 * @param spearman        Spearman's rank correlation (tied values get their average rank)
 * @param pearson         Pearson's correlation of the scores themselves
 * @param pairs           pairs scored
 * @param outOfVocabulary pairs skipped because a word is not in the vocabulary
 */
public record SimilarityScore(double spearman, double pearson, int pairs, int outOfVocabulary) {
}
