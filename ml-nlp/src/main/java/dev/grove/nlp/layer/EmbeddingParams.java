package dev.grove.nlp.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code embedding}: a learned vector of {@code dim} values per token id, looked up for
 * each step of a [steps] sequence of ids.
 *
 * @param dim       values per token, ≥ 1
 * @param vocabSize number of token ids (ids 0 … vocab-size − 1); 0 (the default) takes the size of
 *                  the training data's vocabulary
 */
public record EmbeddingParams(
        @Doc("Values per token (the embedding dimension)") @Min(1) int dim,
        @Doc("Number of token ids; 0 (the default): the size of the training data's vocabulary")
        @Default("0") @Min(0) int vocabSize) {

    /** Validates every param. */
    public EmbeddingParams {
        Params.atLeast("dim", dim, 1, false);
        Params.atLeast("vocab-size", vocabSize, 0, false);
    }
}
