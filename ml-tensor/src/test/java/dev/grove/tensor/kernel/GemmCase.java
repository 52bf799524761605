package dev.grove.tensor.kernel;

import java.util.Random;

/**
 * One GEMM call with its operands laid out inside larger arrays: a leading offset, leading
 * dimensions wider than the rows, and NaN everywhere outside the matrices (and, without
 * {@code accumulate}, inside C), so a kernel that reads what it should not produces NaN and one that
 * writes outside C changes a sentinel. {@link #expected} is the float64 reference.
 */
final class GemmCase {

    static final float OUTSIDE_C = 1234.5f;

    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final boolean accumulate;
    final float[] a;
    final float[] b;
    final float[] c;
    final int aOffset;
    final int lda;
    final int bOffset;
    final int ldb;
    final int cOffset;
    final int ldc;
    /** Reference C (m×n, row-major) computed in double. */
    final double[] expected;
    /** Sum over p of |A(i,p)·B(p,j)| (plus |C| when accumulating), the scale of the rounding error. */
    final double[] magnitude;

    GemmCase(Random random, boolean transA, boolean transB, int m, int n, int k, boolean accumulate,
             boolean integerValues) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.accumulate = accumulate;
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        aOffset = random.nextInt(5);
        bOffset = random.nextInt(5);
        cOffset = random.nextInt(5);
        lda = aCols + random.nextInt(4);
        ldb = bCols + random.nextInt(4);
        ldc = n + 1 + random.nextInt(3);
        a = TestArrays.filled(aOffset + aRows * lda + 3, Float.NaN);
        b = TestArrays.filled(bOffset + bRows * ldb + 3, Float.NaN);
        c = TestArrays.filled(cOffset + m * ldc + 3, OUTSIDE_C);
        fill(random, a, aOffset, aRows, aCols, lda, integerValues);
        fill(random, b, bOffset, bRows, bCols, ldb, integerValues);
        if (accumulate) {
            fill(random, c, cOffset, m, n, ldc, integerValues);
        } else {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, Float.NaN);
            }
        }
        expected = new double[m * n];
        magnitude = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? c[cOffset + i * ldc + j] : 0;
                double scale = Math.abs(sum);
                for (int p = 0; p < k; p++) {
                    double product = (double) a(i, p) * b(p, j);
                    sum += product;
                    scale += Math.abs(product);
                }
                expected[i * n + j] = sum;
                magnitude[i * n + j] = scale;
            }
        }
    }

    void run(Kernels kernels) {
        kernels.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, accumulate);
    }

    float a(int i, int p) {
        return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
    }

    float b(int p, int j) {
        return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
    }

    float c(int i, int j) {
        return c[cOffset + i * ldc + j];
    }

    /** Whether position {@code index} of the C array lies inside the m×n matrix. */
    boolean insideC(int index) {
        int relative = index - cOffset;
        return relative >= 0 && relative < m * ldc && relative % ldc < n;
    }

    @Override
    public String toString() {
        return "gemm(transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k
                + ", accumulate=" + accumulate + ", lda=" + lda + ", ldb=" + ldb + ", ldc=" + ldc
                + ", offsets=" + aOffset + "/" + bOffset + "/" + cOffset + ")";
    }

    private static void fill(Random random, float[] target, int offset, int rows, int cols, int ld,
                             boolean integerValues) {
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                target[offset + r * ld + col] = integerValues ? random.nextInt(9) - 4 : random.nextFloat() * 2f - 1f;
            }
        }
    }
}
