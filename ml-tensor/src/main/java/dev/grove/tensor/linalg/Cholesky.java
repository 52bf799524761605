package dev.grove.tensor.linalg;

/**
 * Cholesky decomposition {@code A = L L^T} of a symmetric positive-definite matrix, with L lower
 * triangular with a positive diagonal. About twice as fast as LU and numerically stable without
 * pivoting; the usual way to solve with covariance or Gram matrices.
 *
 * <p><b>Positive definiteness.</b> Pivot {@code j} is {@code d_j = a_jj - sum_k l_jk^2}, the ratio of
 * the leading minors of orders {@code j+1} and {@code j}. The matrix is rejected with
 * {@link NotPositiveDefiniteException} if some {@code d_j <= n * eps * max_i a_ii}: either it is
 * indefinite ({@code d_j <= 0}) or it is singular to working precision, in which case L would have a
 * rounding-level diagonal entry and solves would return noise. A positive semi-definite covariance
 * typically needs a small ridge ({@code A + lambda I}) before factoring.
 */
public final class Cholesky {

    private final int n;
    /** Row-major L; entries above the diagonal are zero. */
    private final double[] l;

    private Cholesky(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /**
     * Factors a symmetric positive-definite matrix.
     *
     * @param a a square matrix, symmetric to a relative {@code 1e-10}, with finite entries; only its
     *     lower triangle is used once symmetry has been checked
     * @return the factorization
     * @throws IllegalArgumentException if {@code a} is not square, not symmetric or not finite
     * @throws NotPositiveDefiniteException if {@code a} is not positive definite to working precision
     */
    public static Cholesky of(Matrix a) {
        Checks.requireSymmetric("cholesky", a);
        int n = a.rows();
        double[] src = a.data;
        double maxDiagonal = 0.0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, Math.abs(src[i * n + i]));
        }
        double threshold = n * Checks.EPS * maxDiagonal;
        double[] l = new double[n * n];
        // Row-by-row (Cholesky-Banachiewicz): every inner product runs along two rows of L, which are
        // contiguous in row-major storage.
        for (int j = 0; j < n; j++) {
            int jRow = j * n;
            for (int k = 0; k < j; k++) {
                int kRow = k * n;
                double s = src[jRow + k];
                for (int i = 0; i < k; i++) {
                    s -= l[kRow + i] * l[jRow + i];
                }
                l[jRow + k] = s / l[kRow + k];
            }
            double d = src[jRow + j];
            for (int k = 0; k < j; k++) {
                d -= l[jRow + k] * l[jRow + k];
            }
            if (d <= 0.0) {
                throw new NotPositiveDefiniteException("cholesky: matrix is not positive definite: pivot " + j
                        + " is " + d + " (leading minor of order " + (j + 1) + " is not positive)");
            }
            if (d <= threshold) {
                throw new NotPositiveDefiniteException("cholesky: matrix is not positive definite to working precision: pivot "
                        + j + " is " + d + ", at most n * eps * max|a_ii| = " + threshold
                        + " (the leading minor of order " + (j + 1) + " is singular or nearly so)");
            }
            l[jRow + j] = Math.sqrt(d);
        }
        return new Cholesky(n, l);
    }

    /** @return the lower-triangular factor L as a new matrix */
    public Matrix l() {
        return Matrix.wrap(n, n, l.clone());
    }

    /**
     * The natural logarithm of det(A), {@code 2 * sum log l_jj}. Always finite: the factorization
     * exists only for matrices with a positive determinant.
     *
     * @return {@code log det A}
     */
    public double logDet() {
        double s = 0.0;
        for (int j = 0; j < n; j++) {
            s += Math.log(l[j * n + j]);
        }
        return 2.0 * s;
    }

    /**
     * Solves {@code A X = B} by forward substitution with L and back substitution with L^T.
     *
     * @param b right-hand sides, one per column, with {@code n} rows and finite entries
     * @return the solution X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code b} has the wrong number of rows or a non-finite entry
     */
    public Matrix solve(Matrix b) {
        return solve("cholesky.solve", b);
    }

    /**
     * Solves {@code A x = b} for one right-hand side.
     *
     * @param b a vector of length {@code n} with finite entries
     * @return the solution, a new array
     * @throws IllegalArgumentException if {@code b} has the wrong length or a non-finite entry
     */
    public double[] solve(double[] b) {
        return solve("cholesky.solve", Matrix.wrap(b.length, 1, b)).data;
    }

    /**
     * The inverse of A, which is symmetric positive definite. Prefer {@link #solve} when the inverse
     * is only needed to multiply by it.
     *
     * @return a new, exactly symmetric matrix
     */
    public Matrix inverse() {
        Matrix inv = solve("cholesky.inverse", Matrix.identity(n));
        double[] d = inv.data;
        // The two triangles differ by rounding; average them so callers get an exactly symmetric result.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (d[i * n + j] + d[j * n + i]);
                d[i * n + j] = mean;
                d[j * n + i] = mean;
            }
        }
        return inv;
    }

    private Matrix solve(String op, Matrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException(op + ": A is " + n + "x" + n + " but b has " + b.rows() + " rows");
        }
        Checks.requireFinite(op, "b", b);
        int m = b.cols();
        double[] x = b.data.clone();
        for (int k = 0; k < n; k++) {
            divideRow(x, k * m, m, l[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                LU.axpy(-l[i * n + k], x, k * m, x, i * m, m);
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            divideRow(x, k * m, m, l[k * n + k]);
            for (int i = 0; i < k; i++) {
                LU.axpy(-l[k * n + i], x, k * m, x, i * m, m);
            }
        }
        return Matrix.wrap(n, m, x);
    }

    private static void divideRow(double[] x, int off, int len, double divisor) {
        for (int j = 0; j < len; j++) {
            x[off + j] /= divisor;
        }
    }
}
