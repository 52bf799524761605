package dev.grove.nlp.features;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code bag-of-words}.
 *
 * @param maxFeatures how many of the most frequent tokens become columns (0 for every token)
 * @param binary      whether a column says if the token occurs (1) rather than how often
 */
public record BagOfWordsParams(
        @Doc("Keep the most frequent tokens of the training rows as columns; 0 keeps every token")
        @Default("10000") @Min(0) int maxFeatures,
        @Doc("Columns say whether a token occurs (1 or 0) instead of how often") @Default("false") boolean binary) {

    /** Validates. */
    public BagOfWordsParams {
        Params.atLeast("max-features", maxFeatures, 0, false);
    }
}
