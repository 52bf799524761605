package dev.grove.tensor.linalg;

/**
 * Thin singular value decomposition {@code A = U diag(s) V^T} of an {@code m x n} matrix of any shape.
 * With {@code k = min(m, n)}, U is {@code m x k} and V is {@code n x k}, both with orthonormal
 * columns, and {@code s} holds the {@code k} singular values in descending order.
 *
 * <p><b>Algorithm.</b> One-sided (Hestenes) Jacobi: plane rotations applied to the columns of a
 * square working matrix until every pair is orthogonal to working precision; the column norms are
 * then the singular values, accurate to about {@code eps * s[0]}. A tall matrix is first reduced with
 * {@link QR} so the iteration runs on the {@code n x n} factor R; a wide matrix is handled through its
 * transpose. The cost is a few times {@code m n^2 + n^3} flops; fine for the hundreds of columns of
 * classical-ML feature matrices, slow for thousands.
 *
 * <p><b>Conventions.</b> Column {@code j} of V is signed so that its largest-magnitude component is
 * positive (entries within a relative 1e-9 count as tied; the lowest index decides), and column
 * {@code j} of U is flipped with it. V is the one normalised because it lives in feature space:
 * for distinct non-zero singular values, the columns of {@code v()} then equal the leading
 * eigenvectors of {@code A^T A} as returned by {@link SymmetricEigen}. For zero singular values the corresponding columns of U are still
 * orthonormal (completed to an orthonormal set) but otherwise arbitrary; so is the basis for any
 * repeated singular value.
 */
public final class Svd {

    /** Sweeps over all column pairs; Jacobi converges quadratically, typically in 5 to 10. */
    private static final int MAX_SWEEPS = 60;

    private final Matrix u;
    private final double[] s;
    private final Matrix v;

    private Svd(Matrix u, double[] s, Matrix v) {
        this.u = u;
        this.s = s;
        this.v = v;
    }

    /**
     * Decomposes a matrix.
     *
     * @param a any matrix with finite entries; it is not modified
     * @return the decomposition
     * @throws IllegalArgumentException if {@code a} has a NaN or infinite entry
     * @throws LinearAlgebraException if the Jacobi sweeps do not converge (not expected for finite input)
     */
    public static Svd of(Matrix a) {
        Checks.requireFinite("svd", "matrix", a);
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        Svd tall = m >= n ? decomposeTall(a) : decomposeTall(a.transpose());
        // A^T = U' S V'^T means A = V' S U'^T: for a wide matrix the factors trade places.
        double[] uData = (m >= n ? tall.u : tall.v).data;
        double[] vData = (m >= n ? tall.v : tall.u).data;
        Checks.normalizeColumnSigns(vData, n, k, uData, m);
        return new Svd(Matrix.wrap(m, k, uData), tall.s, Matrix.wrap(n, k, vData));
    }

    /** SVD of a finite matrix with at least as many rows as columns, before sign normalisation. */
    private static Svd decomposeTall(Matrix a) {
        int n = a.cols();
        // Work on an exactly scaled copy (max|entry| in [1, 2)) so column norms squared cannot overflow
        // or underflow; singular values scale back exactly.
        double scale = Checks.unitScale(Checks.maxAbs(a.data));
        double[] scaled = a.data.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= scale;
        }
        Matrix work = Matrix.wrap(a.rows(), n, scaled);
        Matrix q = null;
        if (a.rows() > n) {
            QR qr = QR.factor(work);
            q = qr.q();
            work = qr.r();
        }
        double[][] w = new double[n][n];
        double[][] vc = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                w[j][i] = work.data[i * n + j];
            }
            vc[j][j] = 1.0;
        }
        orthogonalizeColumns(w, vc);

        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            norms[j] = Checks.norm2(w[j], 0, n);
        }
        int[] order = Checks.descendingOrder(norms);
        double[] sigma = new double[n];
        double[][] uc = new double[n][];
        double[] vData = new double[n * n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            sigma[j] = norms[src] / scale;
            // Below this the column is rounding debris whose direction means nothing (it may be made of
            // subnormal numbers); the singular value is zero for all practical purposes.
            if (norms[src] > Double.MIN_NORMAL / Checks.EPS) {
                uc[j] = w[src];
                for (int i = 0; i < n; i++) {
                    uc[j][i] /= norms[src];
                }
            }
            for (int i = 0; i < n; i++) {
                vData[i * n + j] = vc[src][i];
            }
        }
        completeOrthonormalColumns(uc);
        double[] uData = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                uData[i * n + j] = uc[j][i];
            }
        }
        Matrix u = Matrix.wrap(n, n, uData);
        return new Svd(q == null ? u : q.multiply(u), sigma, Matrix.wrap(n, n, vData));
    }

    /**
     * One-sided Jacobi: rotates pairs of columns of {@code w} (stored as arrays) until all pairs are
     * orthogonal to working precision, applying the same rotations to the columns of {@code vc}.
     */
    private static void orthogonalizeColumns(double[][] w, double[][] vc) {
        int n = w.length;
        // The dot product of two orthogonal columns of length n is computed with an error of up to
        // about n * eps * |x| |y|, so asking for more would never terminate.
        double tol = n * Checks.EPS;
        double[] sq = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            // Squared column norms, recomputed each sweep and updated exactly-in-theory after each
            // rotation, so a pair costs one dot product instead of three.
            for (int j = 0; j < n; j++) {
                sq[j] = dot(w[j], w[j]);
            }
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = sq[p];
                    double beta = sq[q];
                    double gamma = dot(w[p], w[q]);
                    // sqrt of each factor separately: the product alone could underflow to zero.
                    if (Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) {
                        continue;
                    }
                    rotated = true;
                    // The rotation that zeroes the off-diagonal of the 2x2 Gram matrix
                    // [[alpha, gamma], [gamma, beta]]; t is the smaller root of t^2 + 2 zeta t - 1 = 0.
                    double zeta = (beta - alpha) / (2.0 * gamma);
                    double t = (zeta >= 0 ? 1.0 : -1.0) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
                    double c = 1.0 / Math.sqrt(1.0 + t * t);
                    double s = c * t;
                    rotate(w[p], w[q], c, s);
                    rotate(vc[p], vc[q], c, s);
                    sq[p] = Math.max(0.0, alpha - t * gamma);
                    sq[q] = beta + t * gamma;
                }
            }
            if (!rotated) {
                return;
            }
        }
        throw new LinearAlgebraException("svd: one-sided Jacobi did not converge in " + MAX_SWEEPS + " sweeps");
    }

    private static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }

    /**
     * Fills the null entries of {@code cols} (the directions of zero singular values, which come last)
     * with unit vectors orthogonal to all earlier columns, so U stays orthonormal. Each starts from the
     * coordinate axis least covered by the columns so far, which keeps at least {@code 1/n} of its
     * squared length after projection, then is orthogonalised twice (classical Gram-Schmidt with
     * re-orthogonalisation) to reach working precision.
     */
    private static void completeOrthonormalColumns(double[][] cols) {
        int n = cols.length;
        for (int j = 0; j < n; j++) {
            if (cols[j] != null) {
                continue;
            }
            int axis = 0;
            double leastCovered = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double covered = 0.0;
                for (int c = 0; c < j; c++) {
                    covered += cols[c][i] * cols[c][i];
                }
                if (covered < leastCovered) {
                    leastCovered = covered;
                    axis = i;
                }
            }
            double[] x = new double[n];
            x[axis] = 1.0;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < j; c++) {
                    double proj = dot(cols[c], x);
                    for (int i = 0; i < n; i++) {
                        x[i] -= proj * cols[c][i];
                    }
                }
            }
            double norm = Checks.norm2(x, 0, n);
            for (int i = 0; i < n; i++) {
                x[i] /= norm;
            }
            cols[j] = x;
        }
    }

    /** @return U, a new {@code m x min(m, n)} matrix with orthonormal columns */
    public Matrix u() {
        return u.copy();
    }

    /** @return the singular values in descending order, as a new array */
    public double[] singularValues() {
        return s.clone();
    }

    /** @return V, a new {@code n x min(m, n)} matrix with orthonormal columns */
    public Matrix v() {
        return v.copy();
    }

    /**
     * The tolerance below which singular values are treated as zero by {@link #rank()} and
     * {@link #solve}: {@code max(m, n) * eps * s[0]}, the default of NumPy's {@code matrix_rank}.
     *
     * @return the tolerance (0 for a zero matrix)
     */
    public double tolerance() {
        return Math.max(u.rows(), v.rows()) * Checks.EPS * s[0];
    }

    /** @return the number of singular values above {@link #tolerance()} */
    public int rank() {
        double tol = tolerance();
        int r = 0;
        while (r < s.length && s[r] > tol) {
            r++;
        }
        return r;
    }

    /**
     * The minimum-norm least-squares solution {@code X = V diag(1/s) U^T B}, with singular values at
     * or below {@link #tolerance()} treated as zero (their reciprocals replaced by 0). This is the
     * pseudo-inverse applied to B; unlike {@link QR#solve(Matrix)} it accepts rank-deficient and wide
     * matrices.
     *
     * @param b right-hand sides, one per column, with {@code m} rows and finite entries
     * @return X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code b} has the wrong number of rows or a non-finite entry
     */
    public Matrix solve(Matrix b) {
        int m = u.rows();
        int n = v.rows();
        if (b.rows() != m) {
            throw new IllegalArgumentException("svd.solve: A is " + m + "x" + n + " but b has " + b.rows() + " rows");
        }
        Checks.requireFinite("svd.solve", "b", b);
        int r = rank();
        int k = s.length;
        int nrhs = b.cols();
        // c = diag(1/s) U^T B, restricted to the r retained singular values.
        double[] c = new double[r * nrhs];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < r; j++) {
                LU.axpy(u.data[i * k + j], b.data, i * nrhs, c, j * nrhs, nrhs);
            }
        }
        for (int j = 0; j < r; j++) {
            for (int col = 0; col < nrhs; col++) {
                c[j * nrhs + col] /= s[j];
            }
        }
        double[] x = new double[n * nrhs];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                LU.axpy(v.data[i * k + j], c, j * nrhs, x, i * nrhs, nrhs);
            }
        }
        return Matrix.wrap(n, nrhs, x);
    }

    /**
     * The minimum-norm least-squares solution for one right-hand side; see {@link #solve(Matrix)}.
     *
     * @param b a vector of length {@code m} with finite entries
     * @return x, a new array of length {@code n}
     * @throws IllegalArgumentException if {@code b} has the wrong length or a non-finite entry
     */
    public double[] solve(double[] b) {
        return solve(Matrix.wrap(b.length, 1, b)).data;
    }
}
