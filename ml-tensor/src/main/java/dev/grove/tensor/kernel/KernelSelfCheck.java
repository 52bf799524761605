package dev.grove.tensor.kernel;

import java.util.Locale;

/**
 * A quick test of a {@link Kernels} implementation against naive float64 reference loops, run
 * before the implementation is selected, so broken SIMD code (a JVM or CPU quirk, a packing bug on
 * an unusual vector width) falls back or fails loudly instead of corrupting results.
 *
 * <p>Inputs are small deterministic multiples of 1/16, so every sum and product here is exact in
 * float32 and any correct implementation matches the reference to rounding, whatever its summation
 * order; the GELU, sigmoid and tanh, exact in no precision, are held to the same tolerance against float64
 * references. Shapes cover all transpose combinations, odd sizes, row offsets with leading dimensions
 * larger than the row and both accumulate modes; vectors are long enough for a full vector loop plus
 * a scalar tail at any vector width. Past the one-time start-up of the kernels' classes, the check
 * takes a few milliseconds even before the JIT has compiled them.
 */
final class KernelSelfCheck {

    /** Odd lengths: more than two 16-lane vectors plus a tail. */
    private static final int LENGTH = 37;

    /**
     * m, n, k of the GEMM shapes checked with every transpose combination: single elements, one or
     * two rows, fewer columns than a vector, and a product with partial tiles in both directions for
     * blocked implementations. Kept small: this runs before the JIT has compiled anything.
     */
    private static final int[][] GEMM_SHAPES = {{1, 1, 1}, {3, 5, 7}, {2, 17, 9}, {7, 3, 11}, {7, 17, 6}, {13, 19, 5}};

    private KernelSelfCheck() {
    }

    /** Null when {@code kernels} agree with the reference, else a message naming the op and the difference. */
    static String check(Kernels kernels) {
        try {
            String failure = checkGemm(kernels);
            if (failure == null) {
                failure = checkElementwise(kernels);
            }
            if (failure == null) {
                failure = checkReductions(kernels);
            }
            return failure;
        } catch (RuntimeException | LinkageError e) {
            return "kernels threw " + e;
        }
    }

    private static String checkGemm(Kernels kernels) {
        for (int[] shape : GEMM_SHAPES) {
            for (int variant = 0; variant < 4; variant++) {
                boolean transA = (variant & 1) != 0;
                boolean transB = (variant & 2) != 0;
                String failure = checkGemm(kernels, transA, transB, shape[0], shape[1], shape[2], variant == 3);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String checkGemm(Kernels kernels, boolean transA, boolean transB, int m, int n, int k,
                                    boolean accumulate) {
        // Stored shapes, with one spare column per row and a leading offset.
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + 1;
        int ldb = bCols + 1;
        int ldc = n + 1;
        float[] a = values(2 + aRows * lda, 1);
        float[] b = values(3 + bRows * ldb, 2);
        float[] c = values(1 + m * ldc, 3);
        float[] before = c.clone();
        kernels.gemm(transA, transB, m, n, k, a, 2, lda, b, 3, ldb, c, 1, ldc, accumulate);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = accumulate ? before[1 + i * ldc + j] : 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[2 + p * lda + i] : a[2 + i * lda + p];
                    double bpj = transB ? b[3 + j * ldb + p] : b[3 + p * ldb + j];
                    want += aip * bpj;
                }
                float got = c[1 + i * ldc + j];
                if (!close(got, want)) {
                    return String.format(Locale.ROOT, "gemm(transA=%b, transB=%b, m=%d, n=%d, k=%d, accumulate=%b): "
                            + "C[%d,%d] = %s, expected %s (difference %s)",
                            transA, transB, m, n, k, accumulate, i, j, got, want, Math.abs(got - want));
                }
            }
            // The spare column is outside C and must be untouched.
            if (c[1 + i * ldc + n] != before[1 + i * ldc + n]) {
                return "gemm(transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k
                        + "): wrote outside C in row " + i;
            }
        }
        return null;
    }

    private static String checkElementwise(Kernels kernels) {
        float[] x = values(LENGTH + 1, 4);
        float[] y = values(LENGTH + 2, 5);
        float[] divisor = new float[LENGTH + 2];
        for (int i = 0; i < divisor.length; i++) {
            divisor[i] = y[i] + 2f;
        }
        float[] out = new float[LENGTH + 3];
        kernels.add(x, 1, y, 2, out, 3, LENGTH);
        String failure = compare("add", out, 3, i -> (double) x[1 + i] + y[2 + i]);
        if (failure != null) {
            return failure;
        }
        kernels.sub(x, 1, y, 2, out, 3, LENGTH);
        failure = compare("sub", out, 3, i -> (double) x[1 + i] - y[2 + i]);
        if (failure != null) {
            return failure;
        }
        kernels.mul(x, 1, y, 2, out, 3, LENGTH);
        failure = compare("mul", out, 3, i -> (double) x[1 + i] * y[2 + i]);
        if (failure != null) {
            return failure;
        }
        kernels.div(x, 1, divisor, 2, out, 3, LENGTH);
        failure = compare("div", out, 3, i -> (double) x[1 + i] / divisor[2 + i]);
        if (failure != null) {
            return failure;
        }
        kernels.affine(x, 1, 1.5f, -0.25f, out, 3, LENGTH);
        failure = compare("affine", out, 3, i -> x[1 + i] * 1.5 - 0.25);
        if (failure != null) {
            return failure;
        }
        float[] target = y.clone();
        kernels.axpy(-0.75f, x, 1, target, 2, LENGTH);
        failure = compare("axpy", target, 2, i -> y[2 + i] - 0.75 * x[1 + i]);
        if (failure != null) {
            return failure;
        }
        kernels.relu(x, 1, out, 3, LENGTH);
        failure = compare("relu", out, 3, i -> Math.max(x[1 + i], 0.0));
        if (failure != null) {
            return failure;
        }
        kernels.sigmoid(x, 1, out, 3, LENGTH);
        failure = compare("sigmoid", out, 3, i -> 1 / (1 + Math.exp(-x[1 + i])));
        if (failure != null) {
            return failure;
        }
        kernels.tanh(x, 1, out, 3, LENGTH);
        failure = compare("tanh", out, 3, i -> Math.tanh(x[1 + i]));
        if (failure != null) {
            return failure;
        }
        return checkGelu(kernels);
    }

    /** GELU and its derivative on [-3, 3), against Φ from the Taylor series of erf (exact enough there). */
    private static String checkGelu(Kernels kernels) {
        float[] x = values(LENGTH + 1, 8);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 3;
        }
        float[] y = new float[LENGTH + 2];
        float[] slope = new float[LENGTH + 3];
        kernels.gelu(x, 1, y, 2, slope, 3, LENGTH);
        String failure = compare("gelu", y, 2, i -> x[1 + i] * normalCdf(x[1 + i]));
        if (failure == null) {
            failure = compare("gelu derivative", slope, 3,
                    i -> normalCdf(x[1 + i]) + x[1 + i] * Math.exp(-0.5 * x[1 + i] * x[1 + i]) / Math.sqrt(2 * Math.PI));
        }
        return failure;
    }

    /** Φ(v) = ½(1 + erf(v/√2)), erf by its Taylor series: for |v| < 3 the terms fall below 1e-17 within 60. */
    private static double normalCdf(double v) {
        double z = v / Math.sqrt(2);
        double term = z;
        double erf = 0;
        for (int n = 0; n < 60; n++) {
            erf += term / (2 * n + 1);
            term *= -z * z / (n + 1);
        }
        return 0.5 * (1 + 2 / Math.sqrt(Math.PI) * erf);
    }

    private static String checkReductions(Kernels kernels) {
        float[] x = values(LENGTH + 1, 6);
        float[] y = values(LENGTH + 2, 7);
        double sum = 0;
        double dot = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < LENGTH; i++) {
            sum += x[1 + i];
            dot += (double) x[1 + i] * y[2 + i];
            max = Math.max(max, x[1 + i]);
        }
        String failure = compareScalar("sum", kernels.sum(x, 1, LENGTH), sum);
        if (failure == null) {
            failure = compareScalar("dot", kernels.dot(x, 1, y, 2, LENGTH), dot);
        }
        if (failure == null) {
            failure = compareScalar("max", kernels.max(x, 1, LENGTH), max);
        }
        if (failure == null) {
            x[1 + LENGTH / 2] = Float.NaN;
            float withNaN = kernels.max(x, 1, LENGTH);
            if (!Float.isNaN(withNaN)) {
                failure = "max ignored a NaN element: returned " + withNaN;
            }
        }
        return failure;
    }

    private interface Reference {
        double at(int i);
    }

    private static String compare(String op, float[] actual, int offset, Reference expected) {
        for (int i = 0; i < LENGTH; i++) {
            double want = expected.at(i);
            if (!close(actual[offset + i], want)) {
                return String.format(Locale.ROOT, "%s: element %d = %s, expected %s (difference %s)",
                        op, i, actual[offset + i], want, Math.abs(actual[offset + i] - want));
            }
        }
        return null;
    }

    private static String compareScalar(String op, float actual, double expected) {
        return close(actual, expected) ? null : String.format(Locale.ROOT, "%s = %s, expected %s (difference %s)",
                op, actual, expected, Math.abs(actual - expected));
    }

    /** Within a few float32 roundings of the reference (inputs keep |values| well below 100). */
    private static boolean close(float actual, double expected) {
        return Math.abs(actual - expected) <= 1e-5 * (1 + Math.abs(expected));
    }

    /** Deterministic multiples of 1/16 in [-1, 1), different per seed. */
    private static float[] values(int length, int seed) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = ((i * 37 + seed * 11) % 32 - 16) / 16f;
        }
        return v;
    }
}
