package dev.grove.nlp.attention;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code transformer-decoder}, the decoder-only (GPT) block: the pre-norm block of
 * {@link TransformerEncoderParams} with causal self-attention, so step t sees only steps ≤ t.
 *
 * @param heads       attention heads, ≥ 1, dividing the features
 * @param feedForward hidden units of the feed-forward network; 0 for 4 × features
 * @param dropout     probability of dropping each value of the two residual branches during training, in [0, 1)
 */
public record TransformerDecoderParams(
        @Doc("Attention heads; they must divide the input features") @Min(1) int heads,
        @Doc("Hidden units of the feed-forward network; 0 for 4 x the input features") @Default("0") @Min(0) int feedForward,
        @Doc("Dropout on the attention and feed-forward branches before each residual addition") @Default("0.0") @Min(0)
        @Max(value = 1, exclusive = true) double dropout) {

    /** Validates every param. */
    public TransformerDecoderParams {
        Params.atLeast("heads", heads, 1, false);
        Params.atLeast("feed-forward", feedForward, 0, false);
        Params.atLeast("dropout", dropout, 0, false);
        Params.atMost("dropout", dropout, 1, true);
    }

    /** {@code heads} heads and the defaults otherwise. */
    public static TransformerDecoderParams of(int heads) {
        return new TransformerDecoderParams(heads, 0, 0);
    }
}
