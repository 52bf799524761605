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

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        int tasks = (m + GEMM_ROWS_PER_TASK - 1) / GEMM_ROWS_PER_TASK;
        ThreadBudget.parallelFor(tasks, t -> {
            int rowStart = t * GEMM_ROWS_PER_TASK;
            int rowEnd = Math.min(m, rowStart + GEMM_ROWS_PER_TASK);
            float[] bRow = transB ? new float[n] : null;
            for (int i = rowStart; i < rowEnd; i++) {
                int cRow = cOffset + i * ldc;
                if (!accumulate) {
                    java.util.Arrays.fill(c, cRow, cRow + n, 0f);
                }
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    if (aip == 0f) {
                        continue;
                    }
                    if (transB) {
                        for (int j = 0; j < n; j++) {
                            bRow[j] = b[bOffset + j * ldb + p];
                        }
                        for (int j = 0; j < n; j++) {
                            c[cRow + j] += aip * bRow[j];
                        }
                    } else {
                        int bRowStart = bOffset + p * ldb;
                        for (int j = 0; j < n; j++) {
                            c[cRow + j] += aip * b[bRowStart + j];
                        }
                    }
                }
            }
        });
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
