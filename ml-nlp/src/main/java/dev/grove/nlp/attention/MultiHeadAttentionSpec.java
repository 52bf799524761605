package dev.grove.nlp.attention;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Objects;

/**
 * The {@code multi-head-attention} layer as configured: self-attention of {@code [steps, features]}
 * samples, output {@code [steps, features]}. Its initial values are PyTorch's: the joint query, key
 * and value projection xavier-uniform, the output projection as {@code nn.Linear}, biases 0.
 *
 * @param params its params
 */
public record MultiHeadAttentionSpec(MultiHeadAttentionParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "multi-head-attention";

    /** Checks the params are given. */
    public MultiHeadAttentionSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless the input is {@code [steps, features]} with features divisible by heads
     */
    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SequenceShapes.requireSequence(KIND, inputShape);
        return build(KIND, shape, params.heads(), params.causal(), (float) params.dropout(), params.useBias(), rng);
    }

    /** The layer for {@code shape}, also as a transformer block's child (whose kind names the errors). */
    static MultiHeadAttentionLayer build(String owner, int[] shape, int heads, boolean causal, float dropout,
                                         boolean useBias, Rng rng) {
        int features = shape[1];
        if (features % heads != 0) {
            throw new IllegalArgumentException(owner + ": " + heads + " heads must divide the " + features
                    + " input features evenly (features " + features + " % heads " + heads + " = " + features % heads + ")");
        }
        // [features, 3 * features]: the query, key and value projections side by side, as x.W.
        Parameter inWeight = new Parameter("in-weight",
                TorchInit.xavierUniform(rng, features, 3 * features, features, 3 * features));
        Parameter outWeight = new Parameter("out-weight", TorchInit.linear(rng, features, features, features));
        Parameter inBias = useBias ? new Parameter("in-bias", Tensor.zeros(3 * features)) : null;
        Parameter outBias = useBias ? new Parameter("out-bias", Tensor.zeros(features)) : null;
        return new MultiHeadAttentionLayer(shape, heads, causal, dropout, inWeight, inBias, outWeight, outBias);
    }
}
