package dev.grove.nlp.attention;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.tensor.Rng;

/**
 * A pre-norm transformer block as configured: {@code transformer-encoder} or
 * {@code transformer-decoder} (causal). Built for {@code [steps, d]} samples, it holds, in this
 * order, {@code layer-norm-1}, {@code multi-head-attention-1}, {@code layer-norm-2} and
 * {@code feed-forward-1}, initialised as PyTorch's {@code LayerNorm}, {@code MultiheadAttention} and
 * {@code Linear} are.
 *
 * @param kind        {@link #ENCODER} or {@link #DECODER}
 * @param heads       attention heads
 * @param feedForward hidden units of the feed-forward network; 0 for 4 × d
 * @param dropout     dropout on the two residual branches
 * @param causal      whether the self-attention is causal
 */
public record TransformerBlockSpec(String kind, int heads, int feedForward, double dropout, boolean causal)
        implements LayerSpec {

    /** The encoder block's component name. */
    public static final String ENCODER = "transformer-encoder";

    /** The decoder block's component name. */
    public static final String DECODER = "transformer-decoder";

    /** The {@code transformer-encoder} block configured by {@code params}. */
    public static TransformerBlockSpec encoder(TransformerEncoderParams params) {
        return new TransformerBlockSpec(ENCODER, params.heads(), params.feedForward(), params.dropout(), params.causal());
    }

    /** The {@code transformer-decoder} block configured by {@code params}. */
    public static TransformerBlockSpec decoder(TransformerDecoderParams params) {
        return new TransformerBlockSpec(DECODER, params.heads(), params.feedForward(), params.dropout(), true);
    }

    /** Validates the values, as the params records do. */
    public TransformerBlockSpec {
        if (!ENCODER.equals(kind) && !DECODER.equals(kind)) {
            throw new IllegalArgumentException("transformer block: kind must be " + ENCODER + " or " + DECODER + ", got '"
                    + kind + "'");
        }
        new TransformerEncoderParams(heads, feedForward, dropout, causal);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless the input is {@code [steps, features]} with features divisible by heads
     */
    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SequenceShapes.requireSequence(kind, inputShape);
        int d = shape[1];
        int hidden = feedForward == 0 ? 4 * d : feedForward;
        LayerSpec norm = new LayerNormSpec(new LayerNormParams(1e-5));
        int[] step = {d};
        Layer norm1 = norm.build(step, rng);
        MultiHeadAttentionLayer attention = MultiHeadAttentionSpec.build(kind, shape, heads, causal, 0f, true, rng);
        Layer norm2 = norm.build(step, rng);
        FeedForwardLayer feedForwardLayer = new FeedForwardLayer(shape, hidden, rng);
        return new TransformerBlockLayer(kind, shape, norm1, attention, norm2, feedForwardLayer, (float) dropout);
    }
}
