package dev.grove.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every failure throws the documented type with a message naming the operation and the problem. */
class LinalgErrorsTest {

    private static final Matrix SINGULAR = Matrix.of(new double[][] {{1, 2}, {2, 4}});

    @Test
    void singularMatrixInSolveAndInverse() {
        assertThatThrownBy(() -> LinearAlgebra.solve(SINGULAR, new double[] {1, 2}))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageStartingWith("solve: matrix is singular to working precision: pivot 1");
        assertThatThrownBy(() -> LinearAlgebra.inverse(SINGULAR))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageStartingWith("inverse: matrix is singular").hasMessageContaining("pivot 1");
        assertThatThrownBy(() -> LU.of(SINGULAR).solve(Matrix.identity(2)))
                .isInstanceOf(LinearAlgebraException.class).hasMessageContaining("singular");
    }

    @Test
    void singularityIsJudgedRelativeToTheMatrixScale() {
        // Rows that are dependent up to one rounding error are singular to working precision...
        Matrix nearlySingular = Matrix.of(new double[][] {{1, 2}, {2, 4 + 4 * Math.ulp(4.0)}});
        assertThatThrownBy(() -> LinearAlgebra.solve(nearlySingular, new double[] {1, 1}))
                .isInstanceOf(SingularMatrixException.class).hasMessageContaining("n * eps * max|A|");
        // ...while a tiny but well-conditioned matrix is not: only relative size matters.
        Matrix tiny = Matrix.of(new double[][] {{2e-20, 1e-20}, {1e-20, 2e-20}});
        assertThat(LinearAlgebra.solve(tiny, new double[] {3e-20, 3e-20})).containsExactly(new double[] {1, 1}, within(1e-15));
        assertThat(LU.of(tiny).isSingular()).isFalse();
    }

    @Test
    void indefiniteMatrixInCholesky() {
        assertThatThrownBy(() -> Cholesky.of(LinalgTesting.diagonal(1, 1, -0.5)))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessage("cholesky: matrix is not positive definite: pivot 2 is -0.5 (leading minor of order 3 is not positive)");
        // [[1, 2], [2, 1]]: pivot 1 is 1 - 2^2 = -3.
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{1, 2}, {2, 1}})))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("pivot 1 is -3.0").hasMessageContaining("leading minor of order 2");
        // Positive semi-definite (singular) is rejected too.
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{1, 1}, {1, 1}})))
                .isInstanceOf(NotPositiveDefiniteException.class).hasMessageContaining("pivot 1 is 0.0");
        assertThatThrownBy(() -> Cholesky.of(Matrix.of(new double[][] {{1, 1}, {1, 1 + Math.ulp(1.0)}})))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("to working precision").hasMessageContaining("pivot 1");
    }

    @Test
    void nonSymmetricInput() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> SymmetricEigen.of(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symmetricEigen: matrix is not symmetric")
                .hasMessageContaining("A[0][1] = 2.0").hasMessageContaining("A[1][0] = 3.0");
        assertThatThrownBy(() -> Cholesky.of(a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cholesky: matrix is not symmetric");
        // A relative asymmetry of 1e-8 is a real mistake, not rounding.
        Matrix slightly = Matrix.of(new double[][] {{1e6, 1e6 + 0.01}, {1e6, 3e6}});
        assertThatThrownBy(() -> SymmetricEigen.of(slightly)).hasMessageContaining("not symmetric");
    }

    @Test
    void nonSquareWhereSquareIsNeeded() {
        Matrix rect = Matrix.zeros(2, 3);
        assertThatThrownBy(() -> LinearAlgebra.solve(rect, Matrix.zeros(2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: matrix must be square, got 2x3");
        assertThatThrownBy(() -> LinearAlgebra.inverse(rect)).hasMessage("inverse: matrix must be square, got 2x3");
        assertThatThrownBy(() -> LinearAlgebra.det(rect)).hasMessage("det: matrix must be square, got 2x3");
        assertThatThrownBy(() -> LinearAlgebra.logDet(rect)).hasMessage("logDet: matrix must be square, got 2x3");
        assertThatThrownBy(() -> Cholesky.of(rect)).hasMessage("cholesky: matrix must be square, got 2x3");
        assertThatThrownBy(() -> SymmetricEigen.of(rect)).hasMessage("symmetricEigen: matrix must be square, got 2x3");
        assertThatThrownBy(() -> LU.of(rect)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3");
    }

    @Test
    void dimensionMismatch() {
        Matrix a = Matrix.identity(3);
        assertThatThrownBy(() -> LinearAlgebra.solve(a, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: A is 3x3 but b has 4 rows");
        assertThatThrownBy(() -> LinearAlgebra.solve(a, Matrix.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: A is 3x3 but b has 2 rows");
        assertThatThrownBy(() -> LinearAlgebra.leastSquares(Matrix.zeros(5, 2), new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("leastSquares: A is 5x2 but b has 4 rows");
        assertThatThrownBy(() -> Cholesky.of(a).solve(new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A is 3x3 but b has 2 rows");
        assertThatThrownBy(() -> QR.of(Matrix.zeros(5, 2)).solve(new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A is 5x2 but b has 3 rows");
        assertThatThrownBy(() -> Svd.of(Matrix.zeros(2, 5)).solve(new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("svd.solve: A is 2x5 but b has 5 rows");
        assertThatThrownBy(() -> LU.of(a).solve(new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: A is 3x3 but b has 1 rows");
    }

    @Test
    void nanAndInfiniteInputs() {
        Matrix withNaN = Matrix.of(new double[][] {{1, 0}, {Double.NaN, 1}});
        assertThatThrownBy(() -> LinearAlgebra.solve(withNaN, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: matrix contains NaN at (1, 0)");
        assertThatThrownBy(() -> LinearAlgebra.solve(Matrix.identity(2), new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("solve: b contains Infinity at (1, 0)");
        assertThatThrownBy(() -> Cholesky.of(withNaN)).hasMessage("cholesky: matrix contains NaN at (1, 0)");
        assertThatThrownBy(() -> SymmetricEigen.of(withNaN)).hasMessage("symmetricEigen: matrix contains NaN at (1, 0)");
        assertThatThrownBy(() -> QR.of(withNaN)).hasMessage("qr: matrix contains NaN at (1, 0)");
        assertThatThrownBy(() -> Svd.of(Matrix.of(new double[][] {{1, Double.NEGATIVE_INFINITY}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("svd: matrix contains -Infinity at (0, 1)");
        assertThatThrownBy(() -> LinearAlgebra.det(withNaN)).hasMessage("det: matrix contains NaN at (1, 0)");
        assertThatThrownBy(() -> LinearAlgebra.leastSquares(Matrix.of(new double[][] {{1}, {Double.NaN}}), new double[2]))
                .hasMessage("leastSquares: A contains NaN at (1, 0)");
    }

    @Test
    void rankDeficientLeastSquaresErrsAndNamesTheColumn() {
        // Column 2 = column 0 + column 1.
        Matrix a = Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}, {2, -1, 1}});
        assertThatThrownBy(() -> LinearAlgebra.leastSquares(a, new double[] {1, 2, 3, 4}))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageStartingWith("leastSquares: A (4x3) is rank deficient")
                .hasMessageContaining("column 2 is (nearly) a linear combination of columns 0..1")
                .hasMessageContaining("Svd.solve");
        assertThatThrownBy(() -> LinearAlgebra.leastSquares(Matrix.zeros(3, 2), new double[3]))
                .isInstanceOf(SingularMatrixException.class).hasMessageContaining("column 0 is (nearly) zero");
        assertThatThrownBy(() -> LinearAlgebra.leastSquares(Matrix.zeros(2, 3), new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("leastSquares: A is 2x3").hasMessageContaining("at least as many rows as columns");
    }

    @Test
    void invalidLogDeterminantIsRejected() {
        assertThatThrownBy(() -> new LogDeterminant(2, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogDeterminant(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogDeterminant(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
