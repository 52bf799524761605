package dev.grove.tensor.internal.simd;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import dev.grove.tensor.kernel.Kernels;
import dev.grove.tensor.kernel.MatrixSource;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels written with the incubating Vector API ({@code jdk.incubator.vector}), using the preferred
 * species of the CPU (256-bit with AVX2, 512-bit with AVX-512).
 *
 * <p>GEMM goes to the cache-blocked {@link PackedGemm}, even for small matrices (its set-up costs
 * well under a microsecond), except for products with one or two rows or fewer columns than a
 * vector, which {@link DirectGemm} handles. Elementwise arithmetic ops round exactly like the
 * scalar kernels (no fused multiply-add), so their results match {@code ScalarKernels} bitwise; GELU,
 * sigmoid and tanh are the scalar kernels themselves.
 * Only load this class when {@code jdk.incubator.vector} is in the boot layer.
 */
public final class VectorKernels implements Kernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ScalarKernels SCALAR = new ScalarKernels();

    /**
     * Fewest rows for the packed path. A 6-row tile computing 3 rows still beats the unpacked loops;
     * one or two rows (matrix-vector products) are memory-bound, where packing only adds traffic.
     */
    static final int PACKED_MIN_ROWS = 3;

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (m >= PACKED_MIN_ROWS && n >= LANES) {
            PackedGemm.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, accumulate);
        } else {
            DirectGemm.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, accumulate);
        }
    }

    @Override
    public void gemm(boolean transA, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     MatrixSource b,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        if (m >= PACKED_MIN_ROWS && n >= LANES && k > 0) {
            PackedGemm.gemm(transA, m, n, k, a, aOffset, lda, b, c, cOffset, ldc, accumulate);
        } else {
            Kernels.super.gemm(transA, m, n, k, a, aOffset, lda, b, c, cOffset, ldc, accumulate);
        }
    }

    @Override
    public void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).add(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] + y[yOffset + i];
        }
    }

    @Override
    public void sub(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).sub(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] - y[yOffset + i];
        }
    }

    @Override
    public void mul(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).mul(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] * y[yOffset + i];
        }
    }

    @Override
    public void div(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).div(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] / y[yOffset + i];
        }
    }

    @Override
    public void affine(float[] x, int xOffset, float scale, float shift, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).mul(scale).add(shift).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] * scale + shift;
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).mul(alpha).add(FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void relu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            // Keep v where v > 0 and 0 elsewhere (also for NaN and -0), exactly like the scalar kernel.
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = v > 0f ? v : 0f;
        }
    }

    @Override
    public void reluBackward(float[] x, int xOffset, float[] g, int gOffset, float[] out, int outOffset, int n) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            FloatVector grad = FloatVector.fromArray(SPECIES, g, gOffset + i);
            zero.blend(grad, v.compare(VectorOperators.GT, 0f)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] > 0f ? g[gOffset + i] : 0f;
        }
    }

    /*
     * GELU, sigmoid and tanh are the scalar kernels' on purpose. The Vector API's EXP and TANH lanes
     * round differently when C2 compiles them (SVML) than when the interpreter runs them, so a
     * vector version gave different bits to the same call before and after warm-up, and a restored
     * model different probabilities from the one that was saved.
     */
    @Override
    public void gelu(float[] x, int xOffset, float[] y, int yOffset, float[] dydx, int dydxOffset, int n) {
        SCALAR.gelu(x, xOffset, y, yOffset, dydx, dydxOffset, n);
    }

    @Override
    public void sigmoid(float[] x, int xOffset, float[] out, int outOffset, int n) {
        SCALAR.sigmoid(x, xOffset, out, outOffset, n);
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] out, int outOffset, int n) {
        SCALAR.tanh(x, xOffset, out, outOffset, n);
    }

    @Override
    public float sum(float[] x, int offset, int n) {
        return VectorReductions.sum(x, offset, n);
    }

    @Override
    public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        return VectorReductions.dot(x, xOffset, y, yOffset, n);
    }

    @Override
    public float max(float[] x, int offset, int n) {
        return VectorReductions.max(x, offset, n);
    }
}
