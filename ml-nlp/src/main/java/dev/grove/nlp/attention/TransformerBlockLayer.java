package dev.grove.nlp.attention;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A built pre-norm transformer block, as the reference GPT's {@code Block}:
 * x ← x + dropout(MHA(LN₁(x))), then x ← x + dropout(FF(LN₂(x))). Its parameters are its children's;
 * the layer norms are built for one step {@code [d]}, since they normalise each step on its own.
 */
final class TransformerBlockLayer extends AbstractLayer implements AttentionWeights {

    private final Layer norm1;
    private final MultiHeadAttentionLayer attention;
    private final Layer norm2;
    private final FeedForwardLayer feedForward;
    private final float dropout;
    private final List<Child> children;

    TransformerBlockLayer(String kind, int[] shape, Layer norm1, MultiHeadAttentionLayer attention, Layer norm2,
                          FeedForwardLayer feedForward, float dropout) {
        super(kind, shape, shape);
        this.norm1 = norm1;
        this.attention = attention;
        this.norm2 = norm2;
        this.feedForward = feedForward;
        this.dropout = dropout;
        this.children = List.of(new Child("layer-norm-1", norm1), new Child("multi-head-attention-1", attention),
                new Child("layer-norm-2", norm2), new Child("feed-forward-1", feedForward));
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        SequenceShapes.checkBatch(this, input);
        Tensor attended = attention.forward(normalise(norm1, input, pass), pass);
        Tensor x = input.add(attended.dropout(dropout, pass.rng(), pass.training()));
        Tensor transformed = feedForward.forward(normalise(norm2, x, pass), pass);
        return x.add(transformed.dropout(dropout, pass.rng(), pass.training()));
    }

    /**
     * Layer norm, built for single steps {@code [d]}, of every step of {@code x}: the steps are folded
     * into the batch (a view, no copy), so batches of any length up to the block's steps fit.
     */
    private static Tensor normalise(Layer norm, Tensor x, Pass pass) {
        int[] shape = x.shape();
        return norm.forward(x.reshape(shape[0] * shape[1], shape[2]), pass).reshape(shape);
    }

    @Override
    public Tensor attentionWeights(Tensor sample) {
        try (var g = Grad.off()) {
            int[] shape = sample.shape();
            if (shape.length != 2) {
                throw new IllegalArgumentException(kind() + ": attention weights need one [steps, features] sample, got a tensor of shape "
                        + Arrays.toString(shape));
            }
            Tensor normalised = normalise(norm1, sample.reshape(1, shape[0], shape[1]), Pass.inference());
            return attention.attentionWeights(normalised.reshape(shape[0], shape[1]));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<Child> children() {
        return children;
    }
}
