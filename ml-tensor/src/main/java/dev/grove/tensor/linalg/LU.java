package dev.grove.tensor.linalg;

/**
 * LU decomposition with partial (row) pivoting of a square matrix: {@code P A = L U} with L unit lower
 * triangular and U upper triangular. Factor once, then solve for many right-hand sides or read the
 * determinant.
 *
 * <p><b>Singularity.</b> The factorization itself always completes. The matrix counts as singular to
 * working precision when some pivot satisfies {@code |u_kk| <= n * eps * max|A|}; {@link #solve} and
 * {@link #inverse} then throw {@link SingularMatrixException}, while {@link #det()} and
 * {@link #logDet()} still report the computed value. The test is relative to the largest entry, so a
 * well-conditioned matrix whose rows differ hugely in scale (such as {@code diag(1e-20, 1)}) is also
 * reported singular; rescale such rows first.
 */
public final class LU {

    private final int n;
    /** L below the diagonal (unit diagonal implied) and U on and above it, row-major. */
    private final double[] lu;
    /** Row {@code i} of {@code L U} is row {@code piv[i]} of A. */
    private final int[] piv;
    /** +1 or -1: the parity of the row permutation. */
    private final int permutationSign;
    /** Index of the first pivot at or below the singularity threshold, or -1 if there is none. */
    private final int singularPivot;
    private final double threshold;

    private LU(int n, double[] lu, int[] piv, int permutationSign, int singularPivot, double threshold) {
        this.n = n;
        this.lu = lu;
        this.piv = piv;
        this.permutationSign = permutationSign;
        this.singularPivot = singularPivot;
        this.threshold = threshold;
    }

    /**
     * Factors a square matrix.
     *
     * @param a a square matrix with finite entries; it is not modified
     * @return the factorization
     * @throws IllegalArgumentException if {@code a} is not square or has a NaN or infinite entry
     */
    public static LU of(Matrix a) {
        return factor("lu", a);
    }

    static LU factor(String op, Matrix a) {
        Checks.requireSquare(op, a);
        Checks.requireFinite(op, "matrix", a);
        int n = a.rows();
        double[] lu = a.data.clone();
        int[] piv = new int[n];
        for (int i = 0; i < n; i++) {
            piv[i] = i;
        }
        int sign = 1;
        int singular = -1;
        double threshold = n * Checks.EPS * Checks.maxAbs(lu);
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(lu[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (p != k) {
                swapRows(lu, n, p, k);
                int t = piv[p];
                piv[p] = piv[k];
                piv[k] = t;
                sign = -sign;
            }
            double pivot = lu[k * n + k];
            if (best <= threshold && singular < 0) {
                singular = k;
            }
            // An exactly zero pivot means the whole column below it is zero already (it was the
            // largest), so there is nothing to eliminate and dividing would only create NaNs.
            if (pivot == 0.0) {
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                double l = lu[i * n + k] / pivot;
                lu[i * n + k] = l;
                if (l != 0.0) {
                    int iRow = i * n;
                    int kRow = k * n;
                    for (int j = k + 1; j < n; j++) {
                        lu[iRow + j] -= l * lu[kRow + j];
                    }
                }
            }
        }
        return new LU(n, lu, piv, sign, singular, threshold);
    }

    private static void swapRows(double[] a, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = a[r1 * n + j];
            a[r1 * n + j] = a[r2 * n + j];
            a[r2 * n + j] = t;
        }
    }

    /** @return whether some pivot is at or below {@code n * eps * max|A|} */
    public boolean isSingular() {
        return singularPivot >= 0;
    }

    /** @return the unit lower-triangular factor L as a new matrix */
    public Matrix l() {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lu, i * n, l, i * n, i);
            l[i * n + i] = 1.0;
        }
        return Matrix.wrap(n, n, l);
    }

    /** @return the upper-triangular factor U as a new matrix */
    public Matrix u() {
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lu, i * n + i, u, i * n + i, n - i);
        }
        return Matrix.wrap(n, n, u);
    }

    /**
     * The row permutation: row {@code i} of {@code L U} is row {@code pivot()[i]} of A.
     *
     * @return a new array
     */
    public int[] pivot() {
        return piv.clone();
    }

    /**
     * The determinant, {@code sign(P) * prod(u_kk)}. It may overflow to an infinity or underflow to
     * zero for large matrices; {@link #logDet()} does not. A small non-zero value does not mean the
     * matrix is safely invertible: use {@link #isSingular()} for that.
     *
     * @return the determinant (exactly 0 if a pivot is exactly 0)
     */
    public double det() {
        double d = permutationSign;
        for (int k = 0; k < n; k++) {
            double u = lu[k * n + k];
            if (u == 0.0) {
                // Return before an overflowed product could meet the zero and make NaN.
                return 0.0;
            }
            d *= u;
        }
        return d;
    }

    /**
     * The sign and log-magnitude of the determinant, computed as a sum of logarithms so it neither
     * overflows nor underflows.
     *
     * @return {@code (sign, log|det|)}, with {@code (0, -Infinity)} if a pivot is exactly 0
     */
    public LogDeterminant logDet() {
        int sign = permutationSign;
        double logAbs = 0.0;
        for (int k = 0; k < n; k++) {
            double u = lu[k * n + k];
            if (u == 0.0) {
                return new LogDeterminant(0, Double.NEGATIVE_INFINITY);
            }
            if (u < 0) {
                sign = -sign;
            }
            logAbs += Math.log(Math.abs(u));
        }
        return new LogDeterminant(sign, logAbs);
    }

    /**
     * Solves {@code A X = B}.
     *
     * @param b right-hand sides, one per column, with {@code n} rows and finite entries
     * @return the solution X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code b} has the wrong number of rows or a non-finite entry
     * @throws SingularMatrixException if A is singular to working precision
     */
    public Matrix solve(Matrix b) {
        return solve("solve", b);
    }

    /**
     * Solves {@code A x = b} for one right-hand side.
     *
     * @param b a vector of length {@code n} with finite entries
     * @return the solution, a new array
     * @throws IllegalArgumentException if {@code b} has the wrong length or a non-finite entry
     * @throws SingularMatrixException if A is singular to working precision
     */
    public double[] solve(double[] b) {
        if (b.length != n) {
            throw new IllegalArgumentException("solve: A is " + n + "x" + n + " but b has " + b.length + " rows");
        }
        return solve("solve", Matrix.wrap(n, 1, b)).data;
    }

    /**
     * The inverse of A. Prefer {@link #solve} when the inverse is only needed to multiply by it.
     *
     * @return a new matrix
     * @throws SingularMatrixException if A is singular to working precision
     */
    public Matrix inverse() {
        return solve("inverse", Matrix.identity(n));
    }

    Matrix solve(String op, Matrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException(op + ": A is " + n + "x" + n + " but b has " + b.rows() + " rows");
        }
        Checks.requireFinite(op, "b", b);
        requireNonsingular(op);
        int m = b.cols();
        double[] x = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b.data, piv[i] * m, x, i * m, m);
        }
        // Forward substitution with unit-diagonal L, one whole row of X at a time (contiguous).
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                double l = lu[i * n + k];
                if (l != 0.0) {
                    axpy(-l, x, k * m, x, i * m, m);
                }
            }
        }
        // Back substitution with U.
        for (int k = n - 1; k >= 0; k--) {
            double u = lu[k * n + k];
            for (int j = 0; j < m; j++) {
                x[k * m + j] /= u;
            }
            for (int i = 0; i < k; i++) {
                double v = lu[i * n + k];
                if (v != 0.0) {
                    axpy(-v, x, k * m, x, i * m, m);
                }
            }
        }
        return Matrix.wrap(n, m, x);
    }

    private void requireNonsingular(String op) {
        if (singularPivot >= 0) {
            throw new SingularMatrixException(op + ": matrix is singular to working precision: pivot "
                    + singularPivot + " (0-based, of " + n + ") is " + lu[singularPivot * n + singularPivot]
                    + ", at most n * eps * max|A| = " + threshold);
        }
    }

    /** {@code y[yOff..yOff+len) += alpha * x[xOff..xOff+len)}. */
    static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int j = 0; j < len; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }
}
