package dev.grove.nlp.attention;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * Scaled dot-product attention, softmax(Q·Kᵀ / √d_k + mask)·V, on tensors {@code [..., steps, d_k]}
 * (typically {@code [batch, heads, steps, d_k]}), as {@code torch.nn.functional.scaled_dot_product_attention}.
 *
 * <p>A mask says which keys each query may not see: it holds non-zero ("blocked") or zero ("allowed")
 * values and broadcasts to {@code [..., queries, keys]}, like PyTorch's boolean {@code attn_mask}
 * with {@code True} meaning "not allowed". Blocked scores become −∞ before the softmax, so they get a
 * weight of exactly 0. A query whose keys are all blocked has nothing to attend to: its weights are
 * all 0 and its output row is 0 (PyTorch's formula would give NaN there); no gradient flows through it.
 */
public final class ScaledDotProductAttention {

    /**
     * The output of attention and, when asked for, the weights it used.
     *
     * @param output  {@code [..., queries, d_v]}
     * @param weights {@code [..., queries, keys]}, each row summing to 1 (0 for a fully blocked query)
     */
    public record Result(Tensor output, Tensor weights) {
    }

    private ScaledDotProductAttention() {
    }

    /**
     * The attention output softmax(Q·Kᵀ / √d_k + mask)·V.
     *
     * @param query   {@code [..., queries, d_k]}
     * @param key     {@code [..., keys, d_k]}
     * @param value   {@code [..., keys, d_v]}
     * @param blocked non-zero where a query may not attend to a key, broadcasting to
     *                {@code [..., queries, keys]}; null for no mask
     * @param dropout probability of dropping each attention weight during training (inverted dropout), in [0, 1)
     * @param training whether this is a training pass (dropout applies only then)
     * @param rng     the stream dropout draws from
     * @throws IllegalArgumentException if the shapes do not fit together, naming them
     */
    public static Tensor attend(Tensor query, Tensor key, Tensor value, Tensor blocked, float dropout, boolean training,
                                Rng rng) {
        return attendWithWeights(query, key, value, blocked, dropout, training, rng).output();
    }

    /** As {@link #attend}, also returning the attention weights (after dropout, if any was applied). */
    public static Result attendWithWeights(Tensor query, Tensor key, Tensor value, Tensor blocked, float dropout,
                                           boolean training, Rng rng) {
        checkShapes(query, key, value);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("attention: dropout must be in [0, 1), got " + dropout);
        }
        // Scaling Q (steps x d_k values) is cheaper than scaling the scores (steps x steps values).
        Tensor scaled = query.mul((float) (1 / Math.sqrt(query.dim(-1))));
        if (blocked == null) {
            return attendScaled(scaled, key.transpose(-2, -1), value, null, dropout, training, rng);
        }
        Mask mask = Mask.of(blocked, scoresShape(query, key));
        Result result = attendScaled(scaled, key.transpose(-2, -1), value, mask.additive(), dropout, training, rng);
        if (mask.rowsKept() == null) {
            return result;
        }
        // Zero the weights of fully blocked queries before the values are mixed, so their output rows are 0.
        Tensor weights = result.weights().mul(mask.rowsKept());
        return new Result(weights.matmul(value), weights);
    }

    /**
     * softmax(Q·Kᵀ + additive)·V for a query already scaled by 1/√d_k and the keys already transposed
     * to {@code [..., d_k, keys]}: the multi-head layer lays its tensors out so. {@code additive}
     * holds −∞ at blocked scores and 0 elsewhere (null for none); no query may have every key blocked.
     */
    static Result attendScaled(Tensor scaledQuery, Tensor keyTransposed, Tensor value, Tensor additive, float dropout,
                               boolean training, Rng rng) {
        Tensor scores = scaledQuery.matmul(keyTransposed);
        Tensor weights = (additive == null ? scores : scores.add(additive)).softmax(-1).dropout(dropout, rng, training);
        return new Result(weights.matmul(value), weights);
    }

    private static int[] scoresShape(Tensor query, Tensor key) {
        int[] shape = query.shape();
        shape[shape.length - 1] = key.dim(-2);
        return shape;
    }

    /**
     * The causal mask of a sequence of {@code steps}: query t may attend to keys 0..t only, so
     * entries above the diagonal are blocked (1) and the rest allowed (0).
     */
    public static Tensor causalMask(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("attention: a causal mask needs at least 1 step, got " + steps);
        }
        float[] blocked = new float[steps * steps];
        for (int query = 0; query < steps; query++) {
            Arrays.fill(blocked, query * steps + query + 1, (query + 1) * steps, 1f);
        }
        return Tensor.of(blocked, steps, steps);
    }

    private static void checkShapes(Tensor query, Tensor key, Tensor value) {
        boolean ranks = query.rank() >= 2 && key.rank() == query.rank() && value.rank() == query.rank();
        if (!ranks || query.dim(-1) != key.dim(-1) || key.dim(-2) != value.dim(-2)) {
            throw new IllegalArgumentException("attention: needs query [..., queries, d_k], key [..., keys, d_k] and value"
                    + " [..., keys, d_v] of equal rank, got " + Arrays.toString(query.shape()) + ", "
                    + Arrays.toString(key.shape()) + " and " + Arrays.toString(value.shape()));
        }
    }

    /**
     * A blocked/allowed mask turned into what the softmax needs: −∞ to add at blocked scores, and,
     * when some query has every key blocked, a 0/1 factor that zeroes those queries' weights (their
     * scores get 0 added instead of −∞, so the softmax stays finite before the factor zeroes it).
     */
    private record Mask(Tensor additive, Tensor rowsKept) {

        static Mask of(Tensor blocked, int[] scoresShape) {
            int[] shape = blocked.shape();
            int rank = scoresShape.length;
            boolean fits = shape.length >= 2 && shape.length <= rank;
            for (int i = 1; fits && i <= shape.length; i++) {
                int dim = shape[shape.length - i];
                fits = dim == 1 || dim == scoresShape[rank - i];
            }
            if (!fits) {
                throw new IllegalArgumentException("attention: the mask of shape " + Arrays.toString(shape)
                        + " does not broadcast to the scores [..., queries, keys] of shape " + Arrays.toString(scoresShape));
            }
            float[] values = blocked.toFloatArray();
            int keys = shape[shape.length - 1];
            int rows = values.length / keys;
            float[] additive = new float[values.length];
            float[] kept = new float[rows];
            boolean anyRowFullyBlocked = false;
            for (int row = 0; row < rows; row++) {
                boolean allBlocked = true;
                for (int k = 0; k < keys; k++) {
                    allBlocked &= values[row * keys + k] != 0;
                }
                anyRowFullyBlocked |= allBlocked;
                kept[row] = allBlocked ? 0f : 1f;
                for (int k = 0; k < keys; k++) {
                    additive[row * keys + k] = !allBlocked && values[row * keys + k] != 0 ? Float.NEGATIVE_INFINITY : 0f;
                }
            }
            int[] keptShape = shape.clone();
            keptShape[keptShape.length - 1] = 1;
            return new Mask(Tensor.of(additive, shape), anyRowFullyBlocked ? Tensor.of(kept, keptShape) : null);
        }
    }
}
