/**
 * Language: tokenizers and vocabularies, text data sources, word2vec, embeddings and recurrent
 * layers, attention and transformers, and language models.
 */
module dev.grove.nlp {
    requires transitive dev.grove.neural;

    exports dev.grove.nlp;
    exports dev.grove.nlp.attention;
    exports dev.grove.nlp.data;
    exports dev.grove.nlp.features;
    exports dev.grove.nlp.layer;
    exports dev.grove.nlp.sequence;
    exports dev.grove.nlp.text;
    exports dev.grove.nlp.word2vec;

    provides dev.grove.api.spi.Plugin with dev.grove.nlp.NlpPlugin;
}
