/** Language models, embeddings and sequence networks. */
module dev.grove.nlp {
    requires dev.grove.neural;
}
