package dev.grove.nlp.sequence;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code sequence-pool}.
 *
 * @param mode how the steps are combined: {@code mean}, {@code max}, {@code first} or {@code last}, over the
 *             real (unpadded) steps of token sequences
 */
public record SequencePoolParams(@Doc("mean or max over the steps, or the first or last step; <pad> positions of token sequences are left out")
                                 @Default("mean") @OneOf({"mean", "max", "first", "last"}) String mode) {

    /** Validates. */
    public SequencePoolParams {
        Params.oneOf("mode", mode, "mean", "max", "first", "last");
    }
}
