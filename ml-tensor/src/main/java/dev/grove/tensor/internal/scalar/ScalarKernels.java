package dev.grove.tensor.internal.scalar;

import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.Kernels;

/**
 * Plain-Java kernels: always available, and the reference the SIMD kernels are checked against.
 * Loops are written in the order the JIT vectorizes well (unit stride innermost).
 */
public class ScalarKernels implements Kernels {

    /** Rows of C computed by one parallel task; fixed so results do not depend on the thread count. */
    static final int GEMM_ROWS_PER_TASK = 32;

    /**
     * Rows of B in one cache block. A block of 128×512 floats (256 KiB) stays in L2 while every row
     * of the task streams through it, instead of all of B being re-read from memory for each row.
     */
    static final int GEMM_K_BLOCK = 128;

    /** Columns of B and C in one cache block; one 512-float row segment of C stays in L1. */
    static final int GEMM_N_BLOCK = 512;

    @Override
    public String name() {
        return "scalar";
    }

    /**
     * Row updates {@code C[i,:] += A(i,p) · B[p,:]} over cache blocks of B. Each element of C is
     * accumulated over p in ascending order whatever the blocking or thread count.
     *
     * <p>B and the task's rows of C are first copied into one array per row: the JIT vectorises the
     * inner loop only when both arrays are indexed by the same expression (it cannot rule out that two
     * float arrays at different offsets overlap), and this also gives a transposed B unit stride.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        if (m <= 0 || n <= 0) {
            return;
        }
        float[][] bRows = rowsOfB(transB, b, bOffset, ldb, n, k);
        int tasks = (m + GEMM_ROWS_PER_TASK - 1) / GEMM_ROWS_PER_TASK;
        ThreadBudget.parallelFor(tasks, t -> {
            int rowStart = t * GEMM_ROWS_PER_TASK;
            int rows = Math.min(m, rowStart + GEMM_ROWS_PER_TASK) - rowStart;
            float[][] cRows = new float[rows][n];
            if (accumulate) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(c, cOffset + (rowStart + r) * ldc, cRows[r], 0, n);
                }
            }
            for (int p0 = 0; p0 < k; p0 += GEMM_K_BLOCK) {
                int p1 = Math.min(k, p0 + GEMM_K_BLOCK);
                for (int j0 = 0; j0 < n; j0 += GEMM_N_BLOCK) {
                    int j1 = Math.min(n, j0 + GEMM_N_BLOCK);
                    for (int r = 0; r < rows; r++) {
                        int i = rowStart + r;
                        float[] cRow = cRows[r];
                        for (int p = p0; p < p1; p++) {
                            float aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                            float[] bRow = bRows[p];
                            for (int j = j0; j < j1; j++) {
                                cRow[j] += aip * bRow[j];
                            }
                        }
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(cRows[r], 0, c, cOffset + (rowStart + r) * ldc, n);
            }
        });
    }

    /** The k rows of op(B), n floats each. */
    private static float[][] rowsOfB(boolean transB, float[] b, int bOffset, int ldb, int n, int k) {
        float[][] rows = new float[k][n];
        for (int p = 0; p < k; p++) {
            if (transB) {
                for (int j = 0; j < n; j++) {
                    rows[p][j] = b[bOffset + j * ldb + p];
                }
            } else {
                System.arraycopy(b, bOffset + p * ldb, rows[p], 0, n);
            }
        }
        return rows;
    }

    @Override
    public void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] + y[yOffset + i];
        }
    }

    @Override
    public void sub(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] - y[yOffset + i];
        }
    }

    @Override
    public void mul(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] * y[yOffset + i];
        }
    }

    @Override
    public void div(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] / y[yOffset + i];
        }
    }

    @Override
    public void affine(float[] x, int xOffset, float scale, float shift, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] * scale + shift;
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void relu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = v > 0f ? v : 0f;
        }
    }

    @Override
    public void reluBackward(float[] x, int xOffset, float[] g, int gOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] > 0f ? g[gOffset + i] : 0f;
        }
    }

    /**
     * Computed in float64 (the square of a float32 is exact there) and rounded once per output:
     * each value and derivative is within about 1e-8 of its size of the exact one.
     */
    @Override
    public void gelu(float[] x, int xOffset, float[] y, int yOffset, float[] dydx, int dydxOffset, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOffset + i];
            double gaussian = Math.exp(-0.5 * v * v);
            double cdf = GaussianCdf.cdf(v, gaussian);
            y[yOffset + i] = (float) (v * cdf);
            if (dydx != null) {
                dydx[dydxOffset + i] = (float) (cdf + v * GaussianCdf.INV_SQRT_2PI * gaussian);
            }
        }
    }

    /** One float64 exponential per element, rounded once at the end. */
    @Override
    public void sigmoid(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = (float) (1 / (1 + Math.exp(-x[xOffset + i])));
        }
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = (float) Math.tanh(x[xOffset + i]);
        }
    }

    @Override
    public float sum(float[] x, int offset, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += x[offset + i];
        }
        return (float) total;
    }

    @Override
    public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += (double) x[xOffset + i] * y[yOffset + i];
        }
        return (float) total;
    }

    @Override
    public float max(float[] x, int offset, int n) {
        float best = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = x[offset + i];
            if (Float.isNaN(v)) {
                return Float.NaN;
            }
            if (v > best) {
                best = v;
            }
        }
        return best;
    }
}
