package dev.grove.tensor.linalg;

/**
 * Householder QR decomposition {@code A = Q R} of an {@code m x n} matrix of any shape, in thin form:
 * with {@code k = min(m, n)}, Q is {@code m x k} with orthonormal columns and R is {@code k x n} upper
 * triangular (upper trapezoidal when {@code m < n}). No column pivoting is done.
 *
 * <p><b>Rank.</b> A is reported to have full column rank when {@code m >= n} and every
 * {@code |r_jj| > max(m, n) * eps * (largest column norm of A)}. A tiny {@code |r_jj|} means column
 * {@code j} is, to working precision, a combination of the columns before it, so this reliably detects
 * exactly or nearly dependent columns. Without pivoting it can miss ill-conditioning that shows in no
 * single diagonal entry; use {@link Svd} when the rank itself is the question.
 */
public final class QR {

    private final int m;
    private final int n;
    /**
     * Column-major working storage, {@code cols[j][i]} = entry (i, j): on and below the diagonal the
     * Householder vector of step j (for {@code j < k}), above it column j of R. Columns, not rows,
     * because every step walks down columns.
     */
    private final double[][] cols;
    private final double[] rDiag;
    private final double rankTolerance;

    private QR(int m, int n, double[][] cols, double[] rDiag, double rankTolerance) {
        this.m = m;
        this.n = n;
        this.cols = cols;
        this.rDiag = rDiag;
        this.rankTolerance = rankTolerance;
    }

    /**
     * Factors a matrix.
     *
     * @param a any matrix with finite entries; it is not modified
     * @return the factorization
     * @throws IllegalArgumentException if {@code a} has a NaN or infinite entry
     */
    public static QR of(Matrix a) {
        Checks.requireFinite("qr", "matrix", a);
        return factor(a);
    }

    /** Factors {@code a}, whose entries the caller has already checked to be finite. */
    static QR factor(Matrix a) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        double[][] cols = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = a.data[i * n + j];
            }
        }
        double maxColumnNorm = 0.0;
        for (double[] c : cols) {
            maxColumnNorm = Math.max(maxColumnNorm, Checks.norm2(c, 0, m));
        }
        double[] rDiag = new double[k];
        for (int j = 0; j < k; j++) {
            double[] h = cols[j];
            double norm = Checks.norm2(h, j, m);
            if (norm != 0.0) {
                // Reflect x onto -sign(x_j) * |x| e_j: choosing the sign opposite to x_j avoids the
                // cancellation in x_j - |x| that would otherwise lose the reflector's accuracy.
                if (h[j] < 0) {
                    norm = -norm;
                }
                for (int i = j; i < m; i++) {
                    h[i] /= norm;
                }
                h[j] += 1.0;
                for (int c = j + 1; c < n; c++) {
                    applyReflector(h, j, cols[c]);
                }
            }
            rDiag[j] = norm == 0.0 ? 0.0 : -norm; // no -0.0 on the diagonal of R
        }
        return new QR(m, n, cols, rDiag, Math.max(m, n) * Checks.EPS * maxColumnNorm);
    }

    /**
     * Applies {@code I - v v^T / v_j} (the step-j reflector, v stored in {@code h[j..m)}) to
     * {@code x[j..m)}. A zero column had no reflector ({@code h[j] == 0}) and is skipped.
     */
    private static void applyReflector(double[] h, int j, double[] x) {
        if (h[j] == 0.0) {
            return;
        }
        double s = 0.0;
        for (int i = j; i < h.length; i++) {
            s += h[i] * x[i];
        }
        s = -s / h[j];
        for (int i = j; i < h.length; i++) {
            x[i] += s * h[i];
        }
    }

    /** @return Q, a new {@code m x min(m, n)} matrix with orthonormal columns */
    public Matrix q() {
        int k = rDiag.length;
        double[][] q = new double[k][m];
        // Q = H_0 H_1 ... H_{k-1} applied to the first k columns of I, accumulated backwards so each
        // reflector only touches the trailing rows it acts on.
        for (int j = k - 1; j >= 0; j--) {
            q[j][j] = 1.0;
            for (int c = j; c < k; c++) {
                applyReflector(cols[j], j, q[c]);
            }
        }
        double[] out = new double[m * k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                out[i * k + c] = q[c][i];
            }
        }
        return Matrix.wrap(m, k, out);
    }

    /** @return R, a new upper-triangular {@code min(m, n) x n} matrix */
    public Matrix r() {
        int k = rDiag.length;
        double[] r = new double[k * n];
        for (int i = 0; i < k; i++) {
            r[i * n + i] = rDiag[i];
            for (int j = i + 1; j < n; j++) {
                r[i * n + j] = cols[j][i];
            }
        }
        return Matrix.wrap(k, n, r);
    }

    /** @return whether {@code m >= n} and no {@code |r_jj|} is at or below the rank tolerance */
    public boolean isFullColumnRank() {
        return m >= n && firstDeficientColumn() < 0;
    }

    private int firstDeficientColumn() {
        for (int j = 0; j < rDiag.length; j++) {
            if (Math.abs(rDiag[j]) <= rankTolerance) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The least-squares solution X minimising {@code ||A X - B||} column by column (the exact solution
     * when A is square and nonsingular). This does not fall back to a minimum-norm solution when A is
     * rank deficient; it throws, because a silently chosen solution among infinitely many is rarely
     * what a regression wants. Use {@link Svd#solve(Matrix)} for the minimum-norm solution.
     *
     * @param b right-hand sides, one per column, with {@code m} rows and finite entries
     * @return X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code m < n}, {@code b} has the wrong number of rows, or a
     *     non-finite entry
     * @throws SingularMatrixException if A does not have full column rank to working precision
     */
    public Matrix solve(Matrix b) {
        return solve("qr.solve", b);
    }

    /**
     * The least-squares solution of {@code A x ≈ b} for one right-hand side; see {@link #solve(Matrix)}.
     *
     * @param b a vector of length {@code m} with finite entries
     * @return x, a new array of length {@code n}
     * @throws IllegalArgumentException if {@code m < n}, {@code b} has the wrong length, or a
     *     non-finite entry
     * @throws SingularMatrixException if A does not have full column rank to working precision
     */
    public double[] solve(double[] b) {
        return solve("qr.solve", Matrix.wrap(b.length, 1, b)).data;
    }

    Matrix solve(String op, Matrix b) {
        if (m < n) {
            throw new IllegalArgumentException(op + ": A is " + m + "x" + n + "; QR least squares needs at least as many"
                    + " rows as columns (use Svd.solve for the minimum-norm solution)");
        }
        if (b.rows() != m) {
            throw new IllegalArgumentException(op + ": A is " + m + "x" + n + " but b has " + b.rows() + " rows");
        }
        Checks.requireFinite(op, "b", b);
        int j0 = firstDeficientColumn();
        if (j0 >= 0) {
            throw new SingularMatrixException(op + ": A (" + m + "x" + n + ") is rank deficient to working precision: |R["
                    + j0 + "][" + j0 + "]| = " + Math.abs(rDiag[j0]) + " is at most max(m, n) * eps * (largest column norm) = "
                    + rankTolerance + ", so column " + j0
                    + (j0 == 0 ? " is (nearly) zero" : " is (nearly) a linear combination of columns 0.." + (j0 - 1))
                    + "; use Svd.solve for the minimum-norm solution or add regularisation");
        }
        int nrhs = b.cols();
        double[] out = new double[n * nrhs];
        double[] x = new double[m];
        for (int c = 0; c < nrhs; c++) {
            for (int i = 0; i < m; i++) {
                x[i] = b.data[i * nrhs + c];
            }
            for (int j = 0; j < n; j++) {
                applyReflector(cols[j], j, x);
            }
            // Back substitution with R; R[i][j] is stored at cols[j][i] above the diagonal.
            for (int j = n - 1; j >= 0; j--) {
                x[j] /= rDiag[j];
                double[] rj = cols[j];
                for (int i = 0; i < j; i++) {
                    x[i] -= x[j] * rj[i];
                }
            }
            for (int j = 0; j < n; j++) {
                out[j * nrhs + c] = x[j];
            }
        }
        return Matrix.wrap(n, nrhs, out);
    }
}
