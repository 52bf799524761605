package dev.grove.nlp.word2vec;

import dev.grove.api.spi.Registry;

/** Registers the language family's word2vec estimator. */
public final class Word2VecComponents {

    private Word2VecComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
