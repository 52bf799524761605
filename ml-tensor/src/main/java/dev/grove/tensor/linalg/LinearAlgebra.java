package dev.grove.tensor.linalg;

/**
 * One-call entry points for the common dense problems. Each call factors its input afresh; to solve
 * repeatedly with the same matrix keep the factorization ({@link LU}, {@link QR}, {@link Cholesky},
 * {@link Svd}) instead.
 *
 * <p>Shape problems and NaN/infinite entries throw {@link IllegalArgumentException}; a singular or
 * rank-deficient matrix throws {@link SingularMatrixException}. Every message starts with the name of
 * the operation.
 */
public final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /**
     * Solves the square system {@code A X = B} by LU decomposition with partial pivoting.
     *
     * @param a a square, finite matrix
     * @param b right-hand sides, one per column, with as many rows as {@code a}
     * @return X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code a} is not square, the row counts differ, or an entry
     *     is NaN or infinite
     * @throws SingularMatrixException if {@code a} is singular to working precision (some pivot
     *     {@code |u_kk| <= n * eps * max|A|})
     */
    public static Matrix solve(Matrix a, Matrix b) {
        Checks.requireSquare("solve", a);
        requireRows("solve", a, b.rows());
        return LU.factor("solve", a).solve("solve", b);
    }

    /**
     * Solves the square system {@code A x = b} for one right-hand side; see {@link #solve(Matrix, Matrix)}.
     *
     * @param a a square, finite matrix
     * @param b a vector with as many entries as {@code a} has rows
     * @return x, a new array
     * @throws IllegalArgumentException if {@code a} is not square, the lengths differ, or an entry is
     *     NaN or infinite
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    public static double[] solve(Matrix a, double[] b) {
        return solve(a, Matrix.wrap(b.length, 1, b)).data;
    }

    /**
     * The least-squares solution X minimising {@code ||A X - B||} (Frobenius norm) for an
     * {@code m x n} matrix with {@code m >= n} and full column rank, by Householder QR. A
     * rank-deficient A is an error, not silently given one of its many solutions: the exception names
     * the offending column. Use {@link Svd#solve(Matrix)} for the minimum-norm solution, or regularise.
     *
     * @param a an {@code m x n} finite matrix with {@code m >= n}
     * @param b right-hand sides, one per column, with {@code m} rows
     * @return X, a new {@code n x b.cols()} matrix
     * @throws IllegalArgumentException if {@code m < n}, the row counts differ, or an entry is NaN or
     *     infinite
     * @throws SingularMatrixException if {@code a} does not have full column rank to working precision
     */
    public static Matrix leastSquares(Matrix a, Matrix b) {
        if (a.rows() < a.cols()) {
            throw new IllegalArgumentException("leastSquares: A is " + Checks.shape(a) + "; QR least squares needs at"
                    + " least as many rows as columns (use Svd.solve for the minimum-norm solution)");
        }
        requireRows("leastSquares", a, b.rows());
        Checks.requireFinite("leastSquares", "A", a);
        return QR.factor(a).solve("leastSquares", b);
    }

    /**
     * Least squares for one right-hand side; see {@link #leastSquares(Matrix, Matrix)}.
     *
     * @param a an {@code m x n} finite matrix with {@code m >= n}
     * @param b a vector of length {@code m}
     * @return x, a new array of length {@code n}
     * @throws IllegalArgumentException if {@code m < n}, the lengths differ, or an entry is NaN or
     *     infinite
     * @throws SingularMatrixException if {@code a} does not have full column rank to working precision
     */
    public static double[] leastSquares(Matrix a, double[] b) {
        return leastSquares(a, Matrix.wrap(b.length, 1, b)).data;
    }

    /**
     * The inverse of a square matrix, by LU decomposition with partial pivoting. Prefer
     * {@link #solve(Matrix, Matrix)} when the inverse is only needed to multiply by it.
     *
     * @param a a square, finite matrix
     * @return a new matrix
     * @throws IllegalArgumentException if {@code a} is not square or has a NaN or infinite entry
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    public static Matrix inverse(Matrix a) {
        return LU.factor("inverse", a).inverse();
    }

    /**
     * The determinant, by LU decomposition. It overflows or underflows easily for large matrices; use
     * {@link #logDet(Matrix)} for anything beyond small ones.
     *
     * @param a a square, finite matrix
     * @return the determinant
     * @throws IllegalArgumentException if {@code a} is not square or has a NaN or infinite entry
     */
    public static double det(Matrix a) {
        return LU.factor("det", a).det();
    }

    /**
     * The sign and natural log of the absolute determinant, by LU decomposition (like NumPy's
     * {@code slogdet}). A matrix with an exactly zero pivot gives {@code (0, -Infinity)}; a matrix that
     * is only numerically singular gives a finite, rounding-dominated value. For a symmetric positive
     * definite matrix {@link Cholesky#logDet()} is cheaper.
     *
     * @param a a square, finite matrix
     * @return the sign and {@code log|det A|}
     * @throws IllegalArgumentException if {@code a} is not square or has a NaN or infinite entry
     */
    public static LogDeterminant logDet(Matrix a) {
        return LU.factor("logDet", a).logDet();
    }

    private static void requireRows(String op, Matrix a, int bRows) {
        if (bRows != a.rows()) {
            throw new IllegalArgumentException(op + ": A is " + Checks.shape(a) + " but b has " + bRows + " rows");
        }
    }
}
