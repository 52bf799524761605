package dev.grove.classical.internal;

import dev.grove.tensor.ThreadBudget;

/**
 * The product A·B of row-major float64 matrices, for projections such as PCA scores. Each output row
 * gets the same chain of fused multiply-adds however rows are grouped or spread over threads, so the
 * result does not depend on the thread count; the loops over B's rows are ones the JIT vectorises.
 */
public final class MatrixProduct {

    /** Output rows per parallel task. */
    private static final int ROWS_PER_TASK = 512;

    private MatrixProduct() {
    }

    /**
     * A·B (rows × cols, row-major) of {@code a} (rows × inner) and {@code b} (inner × cols).
     *
     * @param parallel whether blocks of rows may be computed on several threads
     */
    public static double[] of(double[] a, int rows, int inner, double[] b, int cols, boolean parallel) {
        double[] out = new double[rows * cols];
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        if (parallel && tasks > 1) {
            ThreadBudget.parallelFor(tasks, t -> multiplyRows(a, inner, b, cols, out, t * ROWS_PER_TASK,
                    Math.min(rows, (t + 1) * ROWS_PER_TASK)));
        } else {
            multiplyRows(a, inner, b, cols, out, 0, rows);
        }
        return out;
    }

    private static void multiplyRows(double[] a, int inner, double[] b, int cols, double[] out, int from, int to) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            multiplyTwoRows(a, inner, b, cols, out, i);
        }
        if (i < to) {
            int aRow = i * inner;
            int outRow = i * cols;
            for (int j = 0; j < inner; j++) {
                double aj = a[aRow + j];
                int bRow = j * cols;
                for (int c = 0; c < cols; c++) {
                    out[outRow + c] = Math.fma(aj, b[bRow + c], out[outRow + c]);
                }
            }
        }
    }

    /**
     * Output rows i and i + 1, four terms of the inner dimension per pass, so each value of B loaded
     * feeds two fused multiply-adds. Each row gets exactly the chain of {@link Math#fma} calls the
     * single-row loop above would give it.
     */
    private static void multiplyTwoRows(double[] a, int inner, double[] b, int cols, double[] out, int i) {
        int aRow = i * inner;
        int aNext = aRow + inner;
        int outRow = i * cols;
        int outNext = outRow + cols;
        int j = 0;
        for (; j + 3 < inner; j += 4) {
            double a0 = a[aRow + j];
            double a1 = a[aRow + j + 1];
            double a2 = a[aRow + j + 2];
            double a3 = a[aRow + j + 3];
            double c0 = a[aNext + j];
            double c1 = a[aNext + j + 1];
            double c2 = a[aNext + j + 2];
            double c3 = a[aNext + j + 3];
            int b0 = j * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            for (int c = 0; c < cols; c++) {
                double x0 = b[b0 + c];
                double x1 = b[b1 + c];
                double x2 = b[b2 + c];
                double x3 = b[b3 + c];
                out[outRow + c] = Math.fma(a3, x3, Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, out[outRow + c]))));
                out[outNext + c] = Math.fma(c3, x3, Math.fma(c2, x2, Math.fma(c1, x1, Math.fma(c0, x0, out[outNext + c]))));
            }
        }
        for (; j < inner; j++) {
            double aj = a[aRow + j];
            double cj = a[aNext + j];
            int bRow = j * cols;
            for (int c = 0; c < cols; c++) {
                out[outRow + c] = Math.fma(aj, b[bRow + c], out[outRow + c]);
                out[outNext + c] = Math.fma(cj, b[bRow + c], out[outNext + c]);
            }
        }
    }
}
