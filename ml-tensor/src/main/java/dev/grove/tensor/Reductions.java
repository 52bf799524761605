package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * Reductions along any set of axes. The reduced axes are first moved to the end (a copy only when
 * they are not already trailing), so every reduction runs over contiguous rows. Work is split into
 * fixed row groups and fixed chunks, and partial results are combined in index order, so results do
 * not depend on the thread count.
 */
final class Reductions {

    private Reductions() {
    }

    /** The input rearranged as rows × length, with what is needed to map results back. */
    private record Rows(float[] data, int rows, int length, int[] order, int[] permutedShape, int[] outShape,
                        boolean[] isReduced) {
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        Rows r = rows("sum", x, axes, keepDims);
        float[] out = sumRows(r.data, r.rows, r.length);
        return Tensor.record(new Tensor(out, r.outShape), "sum",
                g -> new Tensor[] {expandBack(g, x.shape, r)}, x);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        Rows r = rows("mean", x, axes, keepDims);
        float[] out = sumRows(r.data, r.rows, r.length);
        float scale = 1f / r.length;
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return Tensor.record(new Tensor(out, r.outShape), "mean",
                g -> new Tensor[] {expandBack(g.mul(scale), x.shape, r)}, x);
    }

    static Tensor var(Tensor x, int[] axes, boolean keepDims, int ddof) {
        Rows r = rows("var", x, axes, keepDims);
        if (ddof < 0 || ddof >= r.length) {
            throw new IllegalArgumentException("var: ddof " + ddof + " must be in [0, " + r.length
                    + ") for " + r.length + " elements per reduction");
        }
        int[] resolved = Shapes.axes("var", axes, x.rank());
        Tensor centered = x.sub(x.mean(resolved, true));
        return centered.mul(centered).sum(resolved, keepDims).div((float) (r.length - ddof));
    }

    static Tensor extreme(Tensor x, int[] axes, boolean keepDims, boolean max) {
        String op = max ? "max" : "min";
        Rows r = rows(op, x, axes, keepDims);
        if (r.length == 0) {
            throw new IllegalArgumentException(op + ": cannot reduce over an empty dimension of shape " + Shapes.str(x.shape));
        }
        int[] where = argRows(r, max);
        float[] out = new float[r.rows];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.data[i * r.length + where[i]];
        }
        return Tensor.record(new Tensor(out, r.outShape), op, g -> {
            float[] scattered = new float[r.data.length];
            for (int i = 0; i < where.length; i++) {
                scattered[i * r.length + where[i]] = g.data[i];
            }
            return new Tensor[] {unpermute(new Tensor(scattered, r.permutedShape), r.order)};
        }, x);
    }

    static Tensor argExtreme(Tensor x, int axis, boolean max) {
        String op = max ? "argmax" : "argmin";
        Rows r = rows(op, x, new int[] {Shapes.axis(op, axis, x.rank())}, false);
        if (r.length == 0) {
            throw new IllegalArgumentException(op + ": dimension " + axis + " of shape " + Shapes.str(x.shape) + " is empty");
        }
        int[] where = argRows(r, max);
        float[] out = new float[where.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = where[i];
        }
        return new Tensor(out, r.outShape);
    }

    // ------------------------------------------------------------ helpers

    private static Rows rows(String op, Tensor x, int[] axes, boolean keepDims) {
        int rank = x.rank();
        int[] reduced = Shapes.axes(op, axes, rank);
        boolean[] isReduced = new boolean[rank];
        for (int a : reduced) {
            isReduced[a] = true;
        }
        int[] order = new int[rank];
        int k = 0;
        int rows = 1;
        int length = 1;
        for (int i = 0; i < rank; i++) {
            if (!isReduced[i]) {
                order[k++] = i;
                rows *= x.shape[i];
            }
        }
        for (int a : reduced) {
            order[k++] = a;
            length *= x.shape[a];
        }
        int[] outShape = new int[keepDims ? rank : rank - reduced.length];
        for (int i = 0, j = 0; i < rank; i++) {
            if (!isReduced[i]) {
                outShape[j++] = x.shape[i];
            } else if (keepDims) {
                outShape[j++] = 1;
            }
        }
        float[] data = isIdentity(order) ? x.data : ShapeOps.permuteData(x.data, x.shape, order);
        int[] permutedShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            permutedShape[i] = x.shape[order[i]];
        }
        return new Rows(data, rows, length, order, permutedShape, outShape, isReduced);
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static float[] sumRows(float[] data, int rows, int length) {
        Kernels k = KernelSelector.active();
        float[] out = new float[rows];
        if (rows == 1 && length > Elementwise.CHUNK) {
            int chunks = (length + Elementwise.CHUNK - 1) / Elementwise.CHUNK;
            float[] partials = new float[chunks];
            ThreadBudget.parallelFor(chunks, c -> {
                int from = c * Elementwise.CHUNK;
                partials[c] = k.sum(data, from, Math.min(length, from + Elementwise.CHUNK) - from);
            });
            double total = 0;
            for (float p : partials) {
                total += p;
            }
            out[0] = (float) total;
            return out;
        }
        int rowsPerTask = Math.max(1, Elementwise.CHUNK / Math.max(1, length));
        int tasks = (rows + rowsPerTask - 1) / rowsPerTask;
        ThreadBudget.parallelFor(tasks, t -> {
            int end = Math.min(rows, (t + 1) * rowsPerTask);
            for (int row = t * rowsPerTask; row < end; row++) {
                out[row] = k.sum(data, row * length, length);
            }
        });
        return out;
    }

    /** Index within each row of the first maximum (or minimum); NaN wins, as in NumPy. */
    private static int[] argRows(Rows r, boolean max) {
        int[] where = new int[r.rows];
        int rowsPerTask = Math.max(1, Elementwise.CHUNK / Math.max(1, r.length));
        int tasks = (r.rows + rowsPerTask - 1) / rowsPerTask;
        ThreadBudget.parallelFor(tasks, t -> {
            int end = Math.min(r.rows, (t + 1) * rowsPerTask);
            for (int row = t * rowsPerTask; row < end; row++) {
                int base = row * r.length;
                int best = 0;
                float bestValue = r.data[base];
                for (int i = 1; i < r.length && !Float.isNaN(bestValue); i++) {
                    float v = r.data[base + i];
                    if (Float.isNaN(v) || (max ? v > bestValue : v < bestValue)) {
                        best = i;
                        bestValue = v;
                    }
                }
                where[row] = best;
            }
        });
        return where;
    }

    /** Broadcasts a reduced gradient back over the reduced axes, in the input's own layout. */
    private static Tensor expandBack(Tensor g, int[] inputShape, Rows r) {
        int[] kept = inputShape.clone();
        for (int i = 0; i < kept.length; i++) {
            if (r.isReduced[i]) {
                kept[i] = 1;
            }
        }
        return g.reshape(kept).broadcastTo(inputShape);
    }

    private static Tensor unpermute(Tensor permuted, int[] order) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        return isIdentity(order) ? permuted : new Tensor(ShapeOps.permuteData(permuted.data, permuted.shape, inverse),
                inverseShape(permuted.shape, inverse));
    }

    private static int[] inverseShape(int[] permutedShape, int[] inverse) {
        int[] shape = new int[inverse.length];
        for (int i = 0; i < inverse.length; i++) {
            shape[i] = permutedShape[inverse[i]];
        }
        return shape;
    }
}
