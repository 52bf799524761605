package dev.grove.nlp.attention;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code transformer-encoder}, a pre-norm transformer block on {@code [steps, features]}:
 * x + dropout(MHA(LN(x))), then x + dropout(FF(LN(x))) with FF = Linear(d, feed-forward), GELU,
 * Linear(feed-forward, d).
 *
 * @param heads       attention heads, ≥ 1, dividing the features
 * @param feedForward hidden units of the feed-forward network; 0 for 4 × features
 * @param dropout     probability of dropping each value of the two residual branches during training, in [0, 1)
 * @param causal      whether step t attends only to steps ≤ t
 */
public record TransformerEncoderParams(
        @Doc("Attention heads; they must divide the input features") @Min(1) int heads,
        @Doc("Hidden units of the feed-forward network; 0 for 4 x the input features") @Default("0") @Min(0) int feedForward,
        @Doc("Dropout on the attention and feed-forward branches before each residual addition") @Default("0.0") @Min(0)
        @Max(value = 1, exclusive = true) double dropout,
        @Doc("Each step attends only to itself and earlier steps") @Default("false") boolean causal) {

    /** Validates every param. */
    public TransformerEncoderParams {
        Params.atLeast("heads", heads, 1, false);
        Params.atLeast("feed-forward", feedForward, 0, false);
        Params.atLeast("dropout", dropout, 0, false);
        Params.atMost("dropout", dropout, 1, true);
    }

    /** {@code heads} heads and the defaults otherwise. */
    public static TransformerEncoderParams of(int heads) {
        return new TransformerEncoderParams(heads, 0, 0, false);
    }
}
