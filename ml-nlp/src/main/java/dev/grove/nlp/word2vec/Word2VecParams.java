package dev.grove.nlp.word2vec;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code word2vec}: skip-gram or CBOW with negative sampling, as word2vec.c and gensim
 * train them. The defaults are gensim's ({@code Word2Vec(vector_size=100, window=5, negative=5,
 * sample=1e-3, min_count=5, epochs=5, alpha=0.025, min_alpha=0.0001)}).
 *
 * @param mode         {@code skip-gram} (each word predicts its context words) or {@code cbow} (the
 *                     mean of the context vectors predicts the word)
 * @param dim          length of each word vector
 * @param window       largest distance between a word and a context word; for each centre word a
 *                     reduced window of 1 … window is drawn, as word2vec.c does
 * @param negative     negative samples per prediction, drawn from the unigram distribution raised to 0.75
 * @param sample       frequent-word subsampling threshold: a word of frequency f is kept with probability
 *                     (√(f / (sample·total)) + 1)·(sample·total) / f; 0 keeps every word
 * @param minCount     words seen fewer times are left out of the vocabulary (and dropped from the text)
 * @param epochs       passes over the corpus
 * @param lr           the learning rate at the start; it decays linearly to {@code minLr} over all
 *                     words of all epochs
 * @param minLr        the learning rate at the end
 * @param threads      worker threads (Hogwild: they update the shared vectors without locks); 0 for
 *                     the run's thread budget
 * @param seed         seed of the random streams (initial vectors, subsampling, windows, negative
 *                     samples); a component fit mixes it with the run's seed
 * @param analogies    an analogy file in the questions-words format to score the fitted vectors on
 *                     (over the 30,000 most frequent words), or null
 * @param similarities a word-pair similarity file (tab-separated: word, word, score) to score the fitted
 *                     vectors on by Spearman correlation, or null
 */
public record Word2VecParams(
        @Doc("skip-gram: each word predicts its context words; cbow: the mean of the context predicts the word")
        @Default("skip-gram") @OneOf({"skip-gram", "cbow"}) String mode,
        @Doc("Length of each word vector") @Default("100") @Min(1) int dim,
        @Doc("Largest distance to a context word; a reduced window 1..window is drawn per word")
        @Default("5") @Min(1) int window,
        @Doc("Negative samples per prediction, from the unigram distribution to the power 0.75")
        @Default("5") @Min(0) int negative,
        @Doc("Frequent-word subsampling threshold (word2vec.c's -sample); 0 keeps every word")
        @Default("0.001") @Min(0) double sample,
        @Doc("Words seen fewer times are left out of the vocabulary") @Default("5") @Min(1) int minCount,
        @Doc("Passes over the corpus") @Default("5") @Min(1) int epochs,
        @Doc("Learning rate at the start, decaying linearly over all words of all epochs")
        @Default("0.025") @Min(value = 0, exclusive = true) double lr,
        @Doc("Learning rate at the end of training") @Default("0.0001") @Min(0) double minLr,
        @Doc("Worker threads updating the shared vectors without locks (Hogwild); 0 for the run's thread budget")
        @Default("0") @Min(0) int threads,
        @Doc("Seed of the random streams; a component fit mixes it with the run's seed") @Default("1") long seed,
        @Doc("Analogy questions file (questions-words format) to score the vectors on, over the 30,000 most frequent words")
        @Default("null") String analogies,
        @Doc("Word-pair similarity file (word, word, score; tab-separated) to score the vectors on by Spearman correlation")
        @Default("null") String similarities) {

    /** The skip-gram mode. */
    public static final String SKIP_GRAM = "skip-gram";
    /** The continuous-bag-of-words mode. */
    public static final String CBOW = "cbow";

    /** Validates every param; a bad value throws naming it, e.g. "window must be >= 1, got 0". */
    public Word2VecParams {
        Params.oneOf("mode", mode, SKIP_GRAM, CBOW);
        Params.atLeast("dim", dim, 1, false);
        Params.atLeast("window", window, 1, false);
        Params.atLeast("negative", negative, 0, false);
        Params.atLeast("sample", sample, 0, false);
        Params.atLeast("min-count", minCount, 1, false);
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("lr", lr, 0, true);
        Params.atLeast("min-lr", minLr, 0, false);
        Params.atLeast("threads", threads, 0, false);
        if (minLr > lr) {
            throw new IllegalArgumentException("min-lr must be <= lr (" + lr + "), got " + minLr);
        }
        if (Double.isInfinite(sample) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("sample and lr must be finite, got sample " + sample + " and lr " + lr);
        }
    }

    /** gensim's defaults in {@code mode}: dim 100, window 5, negative 5, sample 1e-3, min-count 5, 5 epochs, lr 0.025 → 0.0001. */
    public static Word2VecParams defaults(String mode) {
        return new Word2VecParams(mode, 100, 5, 5, 1e-3, 5, 5, 0.025, 0.0001, 0, 1, null, null);
    }

    /** Skip-gram with gensim's defaults. */
    public static Word2VecParams defaults() {
        return defaults(SKIP_GRAM);
    }

    /** These params with vectors of length {@code dim}. */
    public Word2VecParams withDim(int dim) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another window. */
    public Word2VecParams withWindow(int window) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another number of negative samples. */
    public Word2VecParams withNegative(int negative) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another subsampling threshold (0 for none). */
    public Word2VecParams withSample(double sample) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another minimum count. */
    public Word2VecParams withMinCount(int minCount) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another number of epochs. */
    public Word2VecParams withEpochs(int epochs) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with other start and end learning rates. */
    public Word2VecParams withLr(double lr, double minLr) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with {@code threads} worker threads (0 for the thread budget). */
    public Word2VecParams withThreads(int threads) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params with another seed. */
    public Word2VecParams withSeed(long seed) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** These params scoring the fitted vectors on an analogy file and a word-pair file (either may be null). */
    public Word2VecParams withEvaluation(String analogies, String similarities) {
        return new Word2VecParams(mode, dim, window, negative, sample, minCount, epochs, lr, minLr, threads, seed,
                analogies, similarities);
    }

    /** Whether the mode is CBOW. */
    public boolean isCbow() {
        return mode.equals(CBOW);
    }
}
