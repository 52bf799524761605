package dev.grove.nlp.attention;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code multi-head-attention}: self-attention on {@code [steps, features]} samples as
 * {@code torch.nn.MultiheadAttention(features, heads)}, the features split evenly between the heads.
 *
 * @param heads   attention heads, ≥ 1, dividing the features
 * @param causal  whether step t attends only to steps ≤ t (a language model's mask)
 * @param dropout probability of dropping each attention weight during training, in [0, 1)
 * @param useBias whether the query, key, value and output projections have biases
 */
public record MultiHeadAttentionParams(
        @Doc("Attention heads; they must divide the input features") @Min(1) int heads,
        @Doc("Each step attends only to itself and earlier steps") @Default("false") boolean causal,
        @Doc("Probability of dropping each attention weight during training") @Default("0.0") @Min(0)
        @Max(value = 1, exclusive = true) double dropout,
        @Doc("Learn biases for the query, key, value and output projections") @Default("true") boolean useBias) {

    /** Validates every param. */
    public MultiHeadAttentionParams {
        Params.atLeast("heads", heads, 1, false);
        Params.atLeast("dropout", dropout, 0, false);
        Params.atMost("dropout", dropout, 1, true);
    }

    /** {@code heads} heads, non-causal, no dropout, with biases. */
    public static MultiHeadAttentionParams of(int heads) {
        return new MultiHeadAttentionParams(heads, false, 0, true);
    }
}
