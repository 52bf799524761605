package dev.grove.nlp.word2vec;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the language family's word2vec estimator. */
public final class Word2VecComponents {

    private Word2VecComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.estimator(Word2Vec.NAME, Word2VecParams.class, Word2VecEstimator::new,
                Word2VecModel::restore, "word2vec word vectors (skip-gram or CBOW with negative sampling, as word2vec.c"
                        + " and gensim) from a token stream, optionally scored on analogy and word-pair files"));
    }
}
