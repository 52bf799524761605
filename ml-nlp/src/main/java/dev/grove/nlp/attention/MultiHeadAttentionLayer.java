package dev.grove.nlp.attention;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A built {@code multi-head-attention} layer. For a batch x {@code [batch, steps, d]}: Q, K and V are
 * x·W_q + b_q, x·W_k + b_k and x·W_v + b_v (the three blocks of columns of {@code in-weight}), split
 * into heads of d / heads features; each head attends as {@link ScaledDotProductAttention} does
 * (by {@link FusedSelfAttention}, or with recorded tensor ops when attention dropout applies); the
 * heads are joined again and projected by {@code out-weight} and {@code out-bias}. Batches may have fewer steps than the layer was built
 * for (a short prompt); then the causal mask is cut to their length.
 *
 * <p>When the pass marks padding ({@link Pass#padding()}) of the batch's size and steps, no query
 * attends to a padded key (PyTorch's {@code key_padding_mask}), on top of the causal mask; a query
 * whose visible keys are all padding attends to them as if unpadded (see {@link FusedSelfAttention}).
 * A pass that carries an {@link dev.grove.neural.layer.AttentionRecorder} receives the weights.
 */
final class MultiHeadAttentionLayer extends AbstractLayer implements AttentionWeights {

    private final int heads;
    private final int headSize;
    private final boolean causal;
    private final float dropout;
    private final Parameter inWeight;
    private final Parameter inBias;
    private final Parameter outWeight;
    private final Parameter outBias;
    private volatile CausalMask causalMask;

    /** The −∞ / 0 scores to add for causal attention, already broadcast to a batch's scores shape. */
    private record CausalMask(int[] shape, Tensor additive) {
    }

    /**
     * @param inWeight  [d, 3d]: the query, key and value projections side by side
     * @param inBias    [3d], or null for none
     * @param outWeight [d, d]
     * @param outBias   [d], or null for none
     */
    MultiHeadAttentionLayer(int[] shape, int heads, boolean causal, float dropout, Parameter inWeight, Parameter inBias,
                            Parameter outWeight, Parameter outBias) {
        super(MultiHeadAttentionSpec.KIND, shape, shape);
        this.heads = heads;
        this.headSize = shape[1] / heads;
        this.causal = causal;
        this.dropout = dropout;
        this.inWeight = inWeight;
        this.inBias = inBias;
        this.outWeight = outWeight;
        this.outBias = outBias;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        ScaledDotProductAttention.Result attended = attend(input, pass);
        if (pass.attention() != null) {
            pass.attention().record(this, attended.weights().detach());
        }
        return attended.output();
    }

    @Override
    public Tensor attentionWeights(Tensor sample) {
        int[] shape = sample.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(kind() + ": attention weights need one [steps, features] sample, got a tensor of shape "
                    + Arrays.toString(shape));
        }
        try (var g = Grad.off()) {
            Tensor weights = attend(sample.reshape(1, shape[0], shape[1]), Pass.inference()).weights();
            return weights.reshape(heads, shape[0], shape[0]);
        }
    }

    /** The output {@code [batch, steps, d]} and the weights {@code [batch, heads, steps, steps]}. */
    ScaledDotProductAttention.Result attend(Tensor input, Pass pass) {
        int steps = SequenceShapes.checkBatch(this, input);
        int batch = input.dim(0);
        // One product for the queries, keys and values together: [batch, steps, 3d].
        Tensor projected = input.matmul(inWeight.value());
        if (inBias != null) {
            projected = projected.add(inBias.value());
        }
        // Padding of another batch or length (e.g. tokens cut into patches) does not describe these steps.
        Padding padding = pass.padding() != null && pass.padding().fits(input) ? pass.padding() : null;
        ScaledDotProductAttention.Result attended = dropout > 0 && pass.training()
                ? attendWithDropout(projected, batch, steps, pass, padding)
                : FusedSelfAttention.attend(projected, heads, causal, padding);
        Tensor output = attended.output().matmul(outWeight.value());
        return new ScaledDotProductAttention.Result(outBias == null ? output : output.add(outBias.value()), attended.weights());
    }

    /**
     * Attention with dropout on its weights, from recorded tensor ops: the heads are split into
     * {@code [batch, heads, steps, d_k]} copies (the keys transposed to {@code [.., d_k, steps]}),
     * attend, and are joined again to {@code [batch, steps, d]}.
     */
    private ScaledDotProductAttention.Result attendWithDropout(Tensor projected, int batch, int steps, Pass pass,
                                                              Padding padding) {
        int d = heads * headSize;
        Tensor query = projected.slice(2, 0, d).mul((float) (1 / Math.sqrt(headSize)))
                .reshape(batch, steps, heads, headSize).permute(0, 2, 1, 3);
        Tensor keyTransposed = projected.slice(2, d, 2 * d).reshape(batch, steps, heads, headSize).permute(0, 2, 3, 1);
        Tensor value = projected.slice(2, 2 * d, 3 * d).reshape(batch, steps, heads, headSize).permute(0, 2, 1, 3);
        Tensor mask = padding != null ? paddingMask(batch, steps, padding) : causal ? causalMask(batch, steps) : null;
        ScaledDotProductAttention.Result attended = ScaledDotProductAttention.attendScaled(query, keyTransposed, value, mask,
                dropout, true, pass.rng());
        Tensor joined = attended.output().permute(0, 2, 1, 3).reshape(batch, steps, d);
        return new ScaledDotProductAttention.Result(joined, attended.weights());
    }

    /**
     * The causal mask broadcast to the scores {@code [batch, heads, steps, steps]}: with the full
     * shape, adding it needs no broadcasting and its gradient (unused) no reduction.
     */
    private Tensor causalMask(int batch, int steps) {
        int[] shape = {batch, heads, steps, steps};
        CausalMask cached = causalMask;
        if (cached == null || !Arrays.equals(cached.shape(), shape)) {
            cached = new CausalMask(shape, Tensor.where(ScaledDotProductAttention.causalMask(steps),
                    Tensor.scalar(Float.NEGATIVE_INFINITY), Tensor.scalar(0f)).broadcastTo(shape));
            causalMask = cached;
        }
        return cached.additive();
    }

    /**
     * The −∞ / 0 scores to add for attention that leaves out padded keys (and, when causal, later
     * steps), broadcast to {@code [batch, heads, steps, steps]}. A query whose visible keys are all
     * padding keeps them, as the fused path does.
     */
    private Tensor paddingMask(int batch, int steps, Padding padding) {
        float[] additive = new float[batch * steps * steps];
        for (int sample = 0; sample < batch; sample++) {
            for (int query = 0; query < steps; query++) {
                int visible = causal ? query + 1 : steps;
                boolean anyReal = false;
                for (int key = 0; key < visible; key++) {
                    anyReal |= !padding.isPadded(sample, key);
                }
                int row = (sample * steps + query) * steps;
                for (int key = 0; key < steps; key++) {
                    boolean blocked = key >= visible || anyReal && padding.isPadded(sample, key);
                    additive[row + key] = blocked ? Float.NEGATIVE_INFINITY : 0f;
                }
            }
        }
        return Tensor.of(additive, batch, 1, steps, steps).broadcastTo(batch, heads, steps, steps);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>(List.of(inWeight));
        if (inBias != null) {
            parameters.add(inBias);
        }
        parameters.add(outWeight);
        if (outBias != null) {
            parameters.add(outBias);
        }
        return List.copyOf(parameters);
    }
}
