package dev.grove.tensor.linalg;

/**
 * Eigendecomposition {@code A = V diag(lambda) V^T} of a real symmetric matrix: Householder reduction
 * to tridiagonal form followed by the implicit QL algorithm with Wilkinson-style shifts (the EISPACK
 * {@code tred2}/{@code tql2} pair, as in JAMA).
 *
 * <p><b>Conventions.</b> Eigenvalues are sorted in descending order and column {@code k} of
 * {@link #eigenvectors()} belongs to eigenvalue {@code k}; V is orthogonal. Each eigenvector's sign is
 * fixed so that its largest-magnitude component is positive (entries within a relative 1e-9 of the
 * largest count as tied, and the lowest index among them decides). For a repeated eigenvalue only the
 * eigenspace is determined; the basis returned for it is orthonormal but otherwise arbitrary.
 *
 * <p>The input must be symmetric to a relative {@code 1e-10}; the decomposition is computed for its
 * symmetric part {@code (A + A^T) / 2}.
 */
public final class SymmetricEigen {

    /** Maximum QL sweeps per eigenvalue; two or three is typical, so this only stops runaway loops. */
    private static final int MAX_ITERATIONS_PER_EIGENVALUE = 60;

    private final double[] values;
    private final Matrix vectors;

    private SymmetricEigen(double[] values, Matrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric matrix.
     *
     * @param a a square, symmetric, finite matrix; it is not modified
     * @return the decomposition
     * @throws IllegalArgumentException if {@code a} is not square, not symmetric or not finite
     * @throws LinearAlgebraException if the QL iteration does not converge (not expected for finite input)
     */
    public static SymmetricEigen of(Matrix a) {
        Checks.requireSymmetric("symmetricEigen", a);
        int n = a.rows();
        // Work on an exactly scaled copy with max|entry| in [1, 2) so squares of entries can neither
        // overflow nor underflow; eigenvalues scale back exactly.
        double scale = Checks.unitScale(Checks.maxAbs(a.data));
        // w holds the transpose of EISPACK's V: row k of w is column k of V. The Fortran-derived
        // algorithms walk down columns of V in their O(n^3) loops; with the transpose those walks run
        // along contiguous rows, which is several times faster for large n. A is symmetric, so the
        // initial w is A itself.
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = 0.5 * (a.data[i * n + j] + a.data[j * n + i]) * scale;
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(w, d, e);
        diagonalize(w, d, e);

        int[] order = Checks.descendingOrder(d);
        double[] values = new double[n];
        double[] vec = new double[n * n];
        for (int k = 0; k < n; k++) {
            int src = order[k];
            values[k] = d[src] / scale;
            for (int i = 0; i < n; i++) {
                vec[i * n + k] = w[src][i];
            }
        }
        Checks.normalizeColumnSigns(vec, n, n, null, 0);
        return new SymmetricEigen(values, Matrix.wrap(n, n, vec));
    }

    /** @return the eigenvalues in descending order, as a new array */
    public double[] eigenvalues() {
        return values.clone();
    }

    /** @return V, a new orthogonal matrix whose column {@code k} is the eigenvector of eigenvalue {@code k} */
    public Matrix eigenvectors() {
        return vectors.copy();
    }

    /**
     * One eigenvector.
     *
     * @param k index into {@link #eigenvalues()}
     * @return column {@code k} of V, as a new array
     * @throws IndexOutOfBoundsException if {@code k} is not an eigenvalue index
     */
    public double[] eigenvector(int k) {
        return vectors.column(k);
    }

    /**
     * Householder reduction of the symmetric matrix in {@code w} to tridiagonal form (EISPACK tred2,
     * transposed: {@code w[b][a]} here is {@code V[a][b]} there). On return {@code d} holds the
     * diagonal, {@code e[1..n)} the subdiagonal and the rows of {@code w} the columns of the
     * accumulated orthogonal transformation.
     */
    private static void tridiagonalize(double[][] w, double[] d, double[] e) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            // Scale the row to avoid under/overflow in the Householder vector.
            double scale = 0.0;
            double h = 0.0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0.0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = w[j][i - 1];
                    w[j][i] = 0.0;
                    w[i][j] = 0.0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0.0;
                }
                // Apply the similarity transformation to the remaining columns.
                for (int j = 0; j < i; j++) {
                    double[] wj = w[j];
                    f = d[j];
                    w[i][j] = f;
                    g = e[j] + wj[j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += wj[k] * d[k];
                        e[k] += wj[k] * f;
                    }
                    e[j] = g;
                }
                f = 0.0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    double[] wj = w[j];
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        wj[k] -= f * e[k] + g * d[k];
                    }
                    d[j] = wj[i - 1];
                    wj[i] = 0.0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations.
        for (int i = 0; i < n - 1; i++) {
            w[i][n - 1] = w[i][i];
            w[i][i] = 1.0;
            double h = d[i + 1];
            double[] next = w[i + 1];
            if (h != 0.0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = next[k] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double[] wj = w[j];
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) {
                        g += next[k] * wj[k];
                    }
                    for (int k = 0; k <= i; k++) {
                        wj[k] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                next[k] = 0.0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
            w[j][n - 1] = 0.0;
        }
        w[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    /**
     * Implicit QL iteration on the tridiagonal matrix ({@code d}, {@code e}) from
     * {@link #tridiagonalize} (EISPACK tql2, transposed like it). On return {@code d} holds the
     * eigenvalues (unsorted) and row {@code k} of {@code w} the eigenvector of {@code d[k]}.
     */
    private static void diagonalize(double[][] w, double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        double f = 0.0;
        double tst1 = 0.0;
        for (int l = 0; l < n; l++) {
            // Find a negligible subdiagonal element; it splits off an unreduced block l..m.
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (Math.abs(e[m]) > Checks.EPS * tst1) {
                m++; // terminates: e[n - 1] == 0
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > MAX_ITERATIONS_PER_EIGENVALUE) {
                        throw new LinearAlgebraException("symmetricEigen: QL iteration did not converge for eigenvalue "
                                + l + " after " + MAX_ITERATIONS_PER_EIGENVALUE + " iterations");
                    }
                    // Implicit shift from the leading 2x2 block.
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Math.hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    // Implicit QL transformation, chasing the bulge up from m to l.
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double[] wi = w[i];
                        double[] wi1 = w[i + 1];
                        for (int k = 0; k < n; k++) {
                            h = wi1[k];
                            wi1[k] = s * wi[k] + c * h;
                            wi[k] = c * wi[k] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > Checks.EPS * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
    }
}
