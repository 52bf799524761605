package dev.grove.tensor.kernel;

/**
 * The hot loops behind every tensor op. Arrays are row-major float32 slices addressed by an offset
 * and, for matrices, a leading dimension (the distance between consecutive rows).
 *
 * <p>Contract for every implementation: results may differ between implementations in the last
 * bits, but must never depend on the thread budget. Work is partitioned into blocks of a fixed size
 * (never "one block per thread"), and partial sums are combined in a fixed order.
 */
public interface Kernels {

    /** Short name used in logs and in the {@code grove.kernels} property, e.g. {@code scalar}. */
    String name();

    /**
     * General matrix multiply, {@code C = op(A) · op(B)} or {@code C += op(A) · op(B)}.
     *
     * <p>{@code op(A)} is m×k. Without {@code transA}, element (i, p) is {@code a[aOffset + i*lda + p]};
     * with it, A is stored k×m and element (i, p) is {@code a[aOffset + p*lda + i]}. {@code op(B)} is
     * k×n with the same convention. C is m×n at {@code c[cOffset + i*ldc + j]}. May use the shared
     * pool ({@link dev.grove.tensor.ThreadBudget#parallelFor}).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOffset, int lda,
              float[] b, int bOffset, int ldb,
              float[] c, int cOffset, int ldc,
              boolean accumulate);

    /**
     * {@code C = op(A) · B} or {@code C += op(A) · B}, with the k×n matrix B supplied block by block
     * by {@code b} rather than stored: same conventions and thread-count independence as
     * {@link #gemm(boolean, boolean, int, int, int, float[], int, int, float[], int, int, float[], int, int, boolean)
     * gemm}. This default writes B out whole and multiplies it; a kernel that packs B asks the
     * source for each packed block instead.
     */
    default void gemm(boolean transA, int m, int n, int k,
                      float[] a, int aOffset, int lda,
                      MatrixSource b,
                      float[] c, int cOffset, int ldc,
                      boolean accumulate) {
        float[] dense = new float[Math.max(0, k) * Math.max(0, n)];
        if (k > 0 && n > 0) {
            b.copy(0, k, 0, n, dense, 0, n);
        }
        gemm(transA, false, m, n, k, a, aOffset, lda, dense, 0, n, c, cOffset, ldc, accumulate);
    }

    /** {@code out[i] = x[i] + y[i]} for n elements. */
    void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n);

    /** {@code out[i] = x[i] - y[i]} for n elements. */
    void sub(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n);

    /** {@code out[i] = x[i] * y[i]} for n elements. */
    void mul(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n);

    /** {@code out[i] = x[i] / y[i]} for n elements. */
    void div(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n);

    /** {@code out[i] = x[i] * scale + shift} for n elements. */
    void affine(float[] x, int xOffset, float scale, float shift, float[] out, int outOffset, int n);

    /** {@code y[i] += alpha * x[i]} for n elements. */
    void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n);

    /** {@code out[i] = max(x[i], 0)} for n elements. */
    void relu(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** {@code out[i] = x[i] > 0 ? g[i] : 0} for n elements: the gradient through a relu. */
    void reluBackward(float[] x, int xOffset, float[] g, int gOffset, float[] out, int outOffset, int n);

    /**
     * The exact GELU and its derivative for n elements: {@code y[i] = x[i]·Φ(x[i])}, with Φ the
     * standard normal CDF (PyTorch's {@code nn.GELU()}, {@code approximate='none'}), and, unless
     * {@code dydx} is null, {@code dydx[i] = Φ(x[i]) + x[i]·φ(x[i])} with φ the normal density.
     * {@code y} (or {@code dydx}) may be {@code x} at the same offset, computing in place.
     *
     * <p>Accuracy, against the float64 definition: each value within 1e-6 of its size, each
     * derivative within 1e-6 of {@code Φ(x) + |x|·φ(x)} (the derivative crosses zero near x = −0.75,
     * where no rounding of its two terms' difference can be relative to it), for |x| ≤ 12; further
     * into the negative tail the results are float32 subnormals, accurate to 1e-37 or better. NaN
     * gives NaN; +∞ gives +∞, −∞ gives NaN, and infinities have a NaN derivative.
     */
    void gelu(float[] x, int xOffset, float[] y, int yOffset, float[] dydx, int dydxOffset, int n);

    /**
     * The logistic function {@code out[i] = 1 / (1 + e^(−x[i]))} for n elements; {@code out} may be
     * {@code x} at the same offset. Within 1e-6 of its size of the float64 value for x ≥ −87 (below,
     * e^(−x) overflows float32 and the result is 0 instead of a subnormal); NaN gives NaN.
     */
    void sigmoid(float[] x, int xOffset, float[] out, int outOffset, int n);

    /**
     * {@code out[i] = tanh(x[i])} for n elements; {@code out} may be {@code x} at the same offset.
     * Within 1e-6 of its size of the float64 value for every x (±1 exactly far out); NaN gives NaN.
     */
    void tanh(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** Sum of n elements, accumulated in float64 partials in a fixed order. */
    float sum(float[] x, int offset, int n);

    /** Dot product of n elements, accumulated in a fixed order. */
    float dot(float[] x, int xOffset, float[] y, int yOffset, int n);

    /** Largest of n ≥ 1 elements; NaN if any element is NaN. */
    float max(float[] x, int offset, int n);
}
