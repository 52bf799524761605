package dev.grove.nlp.attention;

import dev.grove.neural.layer.Padding;
import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * Multi-head self-attention softmax(Q·Kᵀ/√d_k + mask)·V as one autograd op, straight from the joint
 * projection {@code [batch, steps, 3d]} (queries, keys and values side by side, each split into
 * heads of d_k = d / heads features) to the heads' outputs joined as {@code [batch, steps, d]}: no
 * permuted copies, no mask tensor, no recorded softmax.
 *
 * <p>Each (sample, head) pair is one parallel task that writes only its own slices, so the result
 * does not depend on the thread count. The products are the kernels' GEMM on strided sub-matrices
 * of the projection. With the causal mask, queries are taken in blocks of {@value #QUERY_BLOCK} and
 * each block only meets the keys up to its last query, which skips most of the masked triangle
 * (about a third of the work at 128 steps).
 *
 * <p>With {@link Padding}, the padded keys of a sample get weight 0 in every query's softmax (as a
 * −∞ score would), so the real positions' outputs are those of the unpadded sentence. A query whose
 * keys (those the causal mask lets it see) are all padding, e.g. every query of a fully padded row,
 * attends to them as if there were no padding, which keeps its output finite; such outputs sit at
 * padded positions, which nothing downstream should read.
 *
 * <p>The backward pass, for P the weights and dO the output gradient: dV = Pᵀ·dO, dP = dO·Vᵀ,
 * dS = P∘(dP − rowsum(dP∘P))/√d_k, dQ = dS·K and dK = dSᵀ·Q. It reads only the stored P, whose
 * zero weights of padded keys give those keys no gradient, so padding needs nothing more there.
 */
final class FusedSelfAttention {

    /**
     * Queries per causal block: a multiple of the GEMM's 6-row and 16-column register tiles, so
     * the blocks' products have no ragged tiles at 48, 96 or 144 keys.
     */
    private static final int QUERY_BLOCK = 48;

    private FusedSelfAttention() {
    }

    /**
     * Attention of every head of {@code projected}.
     *
     * @param projected {@code [batch, steps, 3d]}: x·W_q + b_q, x·W_k + b_k and x·W_v + b_v side by side
     * @param heads     the number of heads; d must be a multiple of it
     * @param causal    whether each step sees only itself and earlier steps
     * @return the output {@code [batch, steps, d]} (recorded as a function of {@code projected}) and
     * the weights {@code [batch, heads, steps, steps]} (a plain tensor, for inspection)
     */
    static ScaledDotProductAttention.Result attend(Tensor projected, int heads, boolean causal) {
        return attend(projected, heads, causal, null);
    }

    /**
     * As {@link #attend(Tensor, int, boolean)}, leaving out the keys {@code padding} marks.
     *
     * @param padding the padded positions of {@code [batch, steps]}, matching the projection's batch
     *                and steps, or null for none
     */
    static ScaledDotProductAttention.Result attend(Tensor projected, int heads, boolean causal, Padding padding) {
        if (padding != null && !padding.fits(projected)) {
            throw new IllegalArgumentException("self-attention: padding of " + padding.batch() + " samples of "
                    + padding.steps() + " steps does not fit the projection " + Arrays.toString(projected.shape()));
        }
        Layout layout = new Layout(projected.dim(0), projected.dim(1), projected.dim(2) / 3, heads, causal, padding);
        float[] qkv = TensorStorage.data(projected);
        Tensor output = Tensor.zeros(layout.batch, layout.steps, layout.d);
        Tensor weights = Tensor.zeros(layout.batch, heads, layout.steps, layout.steps);
        float[] out = TensorStorage.data(output);
        float[] p = TensorStorage.data(weights);
        Kernels kernels = KernelSelector.active();
        ThreadBudget.parallelFor(layout.batch * heads, task -> forward(kernels, layout, task, qkv, p, out));
        Tensor attended = CustomOp.apply("self-attention", output, gradOutput -> {
            Tensor gradProjected = Tensor.zeros(projected.shape());
            float[] dqkv = TensorStorage.data(gradProjected);
            float[] dOut = TensorStorage.data(gradOutput);
            ThreadBudget.parallelFor(layout.batch * heads, task -> backward(kernels, layout, task, qkv, p, dOut, dqkv));
            return new Tensor[] {gradProjected};
        }, projected);
        return new ScaledDotProductAttention.Result(attended, weights);
    }

    /** Sizes and offsets of one (sample, head) task's slices. */
    private record Layout(int batch, int steps, int d, int heads, boolean causal, Padding padding) {

        /** Whether the task's sample has a padded position, so its softmax must leave keys out. */
        boolean padded(int task) {
            return padding != null && padding.realSteps(task / heads) < steps;
        }

        /** Where the task's sample's padding flags start. */
        int paddingOffset(int task) {
            return (task / heads) * steps;
        }

        int headSize() {
            return d / heads;
        }

        /** Distance between consecutive steps of the projection. */
        int projectedStride() {
            return 3 * d;
        }

        /** Where the task's queries start in the projection; keys are d further, values 2d. */
        int queryOffset(int task) {
            return (task / heads) * steps * projectedStride() + (task % heads) * headSize();
        }

        /** Where the task's slice of the joined output starts. */
        int outputOffset(int task) {
            return (task / heads) * steps * d + (task % heads) * headSize();
        }

        /** Where the task's steps × steps weights start. */
        int weightsOffset(int task) {
            return task * steps * steps;
        }

        /** The end of the query block starting at {@code from}. */
        int blockEnd(int from) {
            return Math.min(steps, from + QUERY_BLOCK);
        }

        /** How many keys the queries before {@code blockEnd} need: all of them without the mask. */
        int keysUpTo(int blockEnd) {
            return causal ? blockEnd : steps;
        }

        /** The first query that sees key block {@code from}: the block itself with the mask, else 0. */
        int firstQueryFor(int from) {
            return causal ? from : 0;
        }

        /** How many keys query {@code step} sees. */
        int visible(int step) {
            return causal ? step + 1 : steps;
        }
    }

    private static void forward(Kernels kernels, Layout l, int task, float[] qkv, float[] p, float[] out) {
        int steps = l.steps();
        int ld = l.projectedStride();
        int dk = l.headSize();
        int q = l.queryOffset(task);
        int k = q + l.d();
        int v = k + l.d();
        int w = l.weightsOffset(task);
        for (int from = 0; from < steps; from += QUERY_BLOCK) {
            int to = l.blockEnd(from);
            kernels.gemm(false, true, to - from, l.keysUpTo(to), dk, qkv, q + from * ld, ld, qkv, k, ld, p, w + from * steps,
                    steps, false);
        }
        float scale = (float) (1 / Math.sqrt(dk));
        if (l.padded(task)) {
            boolean[] padded = l.padding().padded();
            int flags = l.paddingOffset(task);
            for (int step = 0; step < steps; step++) {
                softmaxRowWithoutPadding(p, w + step * steps, l.visible(step), steps, scale, padded, flags);
            }
        } else {
            for (int step = 0; step < steps; step++) {
                softmaxRow(p, w + step * steps, l.visible(step), steps, scale);
            }
        }
        for (int from = 0; from < steps; from += QUERY_BLOCK) {
            int to = l.blockEnd(from);
            kernels.gemm(false, false, to - from, dk, l.keysUpTo(to), p, w + from * steps, steps, qkv, v, ld, out,
                    l.outputOffset(task) + from * l.d(), l.d(), false);
        }
    }

    /**
     * Turns the raw scores of the first {@code visible} entries of a row into softmax weights of
     * the scores times {@code scale}, and zeroes the rest of the row (the masked keys).
     */
    private static void softmaxRow(float[] p, int row, int visible, int length, float scale) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = row; j < row + visible; j++) {
            max = Math.max(max, p[j]);
        }
        double total = 0;
        for (int j = row; j < row + visible; j++) {
            float e = (float) Math.exp(scale * (p[j] - max));
            p[j] = e;
            total += e;
        }
        float inverse = (float) (1 / total);
        for (int j = row; j < row + visible; j++) {
            p[j] *= inverse;
        }
        Arrays.fill(p, row + visible, row + length, 0f);
    }

    /**
     * As {@link #softmaxRow}, giving weight 0 to the keys whose flag {@code padded[flags + key]} is
     * set; when every visible key is padded, the row is {@link #softmaxRow}'s.
     */
    private static void softmaxRowWithoutPadding(float[] p, int row, int visible, int length, float scale, boolean[] padded,
                                                 int flags) {
        float max = Float.NEGATIVE_INFINITY;
        boolean anyReal = false;
        for (int j = 0; j < visible; j++) {
            if (!padded[flags + j]) {
                max = Math.max(max, p[row + j]);
                anyReal = true;
            }
        }
        if (!anyReal) {
            softmaxRow(p, row, visible, length, scale);
            return;
        }
        double total = 0;
        for (int j = 0; j < visible; j++) {
            float e = padded[flags + j] ? 0f : (float) Math.exp(scale * (p[row + j] - max));
            p[row + j] = e;
            total += e;
        }
        float inverse = (float) (1 / total);
        for (int j = row; j < row + visible; j++) {
            p[j] *= inverse;
        }
        Arrays.fill(p, row + visible, row + length, 0f);
    }

    private static void backward(Kernels kernels, Layout l, int task, float[] qkv, float[] p, float[] dOut, float[] dqkv) {
        int steps = l.steps();
        int ld = l.projectedStride();
        int dk = l.headSize();
        int d = l.d();
        int q = l.queryOffset(task);
        int k = q + d;
        int v = k + d;
        int w = l.weightsOffset(task);
        int o = l.outputOffset(task);
        // dP = dO·Vᵀ, then dS in place; entries of masked keys become 0 so the transposed products below may read them.
        float[] ds = new float[steps * steps];
        for (int from = 0; from < steps; from += QUERY_BLOCK) {
            int to = l.blockEnd(from);
            kernels.gemm(false, true, to - from, l.keysUpTo(to), dk, dOut, o + from * d, d, qkv, v, ld, ds, from * steps,
                    steps, false);
        }
        float scale = (float) (1 / Math.sqrt(dk));
        for (int step = 0; step < steps; step++) {
            int row = step * steps;
            int weights = w + row;
            int visible = l.visible(step);
            double dot = 0;
            for (int j = 0; j < visible; j++) {
                dot += p[weights + j] * ds[row + j];
            }
            float shift = (float) dot;
            for (int j = 0; j < visible; j++) {
                ds[row + j] = scale * p[weights + j] * (ds[row + j] - shift);
            }
            Arrays.fill(ds, row + visible, row + steps, 0f);
        }
        for (int from = 0; from < steps; from += QUERY_BLOCK) {
            int to = l.blockEnd(from);
            int keys = l.keysUpTo(to);
            // dQ = dS·K for this block of queries.
            kernels.gemm(false, false, to - from, dk, keys, ds, from * steps, steps, qkv, k, ld, dqkv, q + from * ld, ld,
                    false);
            // dK = dSᵀ·Q and dV = Pᵀ·dO for this block of keys, over the queries that see it.
            int first = l.firstQueryFor(from);
            int queries = steps - first;
            kernels.gemm(true, false, to - from, dk, queries, ds, first * steps + from, steps, qkv, q + first * ld, ld, dqkv,
                    k + from * ld, ld, false);
            kernels.gemm(true, false, to - from, dk, queries, p, w + first * steps + from, steps, dOut, o + first * d, d,
                    dqkv, v + from * ld, ld, false);
        }
    }
}
