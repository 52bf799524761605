package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import java.util.Arrays;

/**
 * Reductions along any set of axes. The reduced axes are first moved to the end (a copy only when
 * they are not already trailing), so every reduction runs over contiguous rows. Sums and means over
 * leading axes (a bias gradient: {@code [N, d]} summed over N) need no copy: whole rows are added
 * in order into float64 column accumulators. Work is split into fixed row groups and fixed chunks,
 * and partial results are combined in index order, so results do not depend on the thread count.
 */
final class Reductions {

    /** Columns one task of a column sum takes: enough to stream whole cache lines, few enough for many tasks. */
    private static final int COLUMN_BLOCK = 1024;

    /** Rows a column sum adds in float before moving the partials to float64: short, so rounding stays small. */
    private static final int ROW_RUN = 8;

    private Reductions() {
    }

    /**
     * The input rearranged as rows × length, with what is needed to map results back. When only
     * sums are wanted and the reduced axes lead ({@code leading}), {@code data} is the input itself,
     * laid out as length × rows: each result is a column sum.
     */
    private record Rows(float[] data, int rows, int length, int[] order, int[] permutedShape, int[] outShape,
                        boolean[] isReduced, boolean leading) {
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        Rows r = rows("sum", x, axes, keepDims);
        float[] out = sums(r);
        return Tensor.record(new Tensor(out, r.outShape), "sum",
                g -> new Tensor[] {expandBack(g, x.shape, r)}, x);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        Rows r = rows("mean", x, axes, keepDims);
        float[] out = sums(r);
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
        Rows r = rows(op, x, axes, keepDims, false);
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
        Rows r = rows(op, x, new int[] {Shapes.axis(op, axis, x.rank())}, false, false);
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

    /** {@link #rows(String, Tensor, int[], boolean, boolean)} for a sum: leading axes are left in place. */
    private static Rows rows(String op, Tensor x, int[] axes, boolean keepDims) {
        return rows(op, x, axes, keepDims, true);
    }

    /**
     * @param leadingInPlace whether reduced axes that all come before the kept ones may stay where
     *                       they are (for sums, which {@link #sums} then takes down the columns)
     */
    private static Rows rows(String op, Tensor x, int[] axes, boolean keepDims, boolean leadingInPlace) {
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
        boolean leading = leadingInPlace && reduced.length < rank && isLeading(isReduced, reduced.length);
        float[] data = leading || isIdentity(order) ? x.data : ShapeOps.permuteData(x.data, x.shape, order);
        int[] permutedShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            permutedShape[i] = x.shape[order[i]];
        }
        return new Rows(data, rows, length, order, permutedShape, outShape, isReduced, leading);
    }

    /** Whether the {@code count} reduced axes are exactly the first {@code count} axes. */
    private static boolean isLeading(boolean[] isReduced, int count) {
        for (int i = 0; i < count; i++) {
            if (!isReduced[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The sum of each row of {@code r} (each column, when its reduced axes lead). */
    private static float[] sums(Rows r) {
        return r.leading ? sumColumns(r.data, r.length, r.rows) : sumRows(r.data, r.rows, r.length);
    }

    /**
     * Sums over the rows of a {@code rows × columns} matrix without a transposing copy: runs of
     * {@link #ROW_RUN} rows are added in order into float partials (a loop the JIT vectorises),
     * and each run's partials into float64 accumulators, one per column. Tasks take fixed blocks of
     * rows and columns; the blocks' sums are then combined in row order, so the result does not
     * depend on the thread count.
     */
    private static float[] sumColumns(float[] data, int rows, int columns) {
        int columnsPerTask = Math.min(columns, COLUMN_BLOCK);
        int columnBlocks = (columns + columnsPerTask - 1) / columnsPerTask;
        int rowsPerTask = Math.max(ROW_RUN, Elementwise.CHUNK / columnsPerTask / ROW_RUN * ROW_RUN);
        int rowBlocks = (rows + rowsPerTask - 1) / rowsPerTask;
        double[] partials = new double[rowBlocks * columns];
        ThreadBudget.parallelFor(rowBlocks * columnBlocks, t -> {
            int rowBlock = t / columnBlocks;
            int from = (t % columnBlocks) * columnsPerTask;
            int width = Math.min(columns, from + columnsPerTask) - from;
            int partial = rowBlock * columns + from;
            int end = Math.min(rows, (rowBlock + 1) * rowsPerTask);
            float[] run = new float[width];
            for (int first = rowBlock * rowsPerTask; first < end; first += ROW_RUN) {
                Arrays.fill(run, 0f);
                for (int row = first; row < Math.min(end, first + ROW_RUN); row++) {
                    int base = row * columns + from;
                    for (int j = 0; j < width; j++) {
                        run[j] += data[base + j];
                    }
                }
                for (int j = 0; j < width; j++) {
                    partials[partial + j] += run[j];
                }
            }
        });
        float[] out = new float[columns];
        for (int j = 0; j < columns; j++) {
            double total = 0;
            for (int rowBlock = 0; rowBlock < rowBlocks; rowBlock++) {
                total += partials[rowBlock * columns + j];
            }
            out[j] = (float) total;
        }
        return out;
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
