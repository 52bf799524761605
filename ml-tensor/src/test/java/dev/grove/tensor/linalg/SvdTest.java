package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertLargestComponentPositive;
import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static dev.grove.tensor.linalg.LinalgTesting.assertOrthonormalColumns;
import static dev.grove.tensor.linalg.LinalgTesting.usvt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvdTest {

    private static final double R2 = Math.sqrt(0.5);

    /**
     * A = [[3, 2, 2], [2, 3, -2]]: A A^T = [[17, 8], [8, 17]] has eigenvalues 25 and 9, so the singular
     * values are 5 and 3 with u1 = (1, 1)/sqrt2, u2 = (1, -1)/sqrt2, v_k = A^T u_k / s_k, i.e.
     * v1 = (1, 1, 0)/sqrt2 and v2 = (1, -1, 4)/(3 sqrt2).
     */
    private static final Matrix WIDE = Matrix.of(new double[][] {{3, 2, 2}, {2, 3, -2}});

    @Test
    void wideTextbookExample() {
        Svd svd = Svd.of(WIDE);
        assertThat(svd.singularValues()).containsExactly(new double[] {5, 3}, within(1e-14));
        // Sign convention: the largest |entry| of each v is positive (v1's tie goes to the first entry).
        double t = 1 / (3 * Math.sqrt(2));
        assertMatrixClose(svd.v(), new double[][] {{R2, t}, {R2, -t}, {0, 4 * t}}, 1e-14);
        assertMatrixClose(svd.u(), new double[][] {{R2, R2}, {R2, -R2}}, 1e-14);
        assertThat(svd.rank()).isEqualTo(2);
    }

    @Test
    void tallTextbookExampleIsTheTranspose() {
        Svd svd = Svd.of(WIDE.transpose());
        assertThat(svd.singularValues()).containsExactly(new double[] {5, 3}, within(1e-14));
        assertMatrixClose(svd.v(), new double[][] {{R2, R2}, {R2, -R2}}, 1e-14);
        double t = 1 / (3 * Math.sqrt(2));
        assertMatrixClose(svd.u(), new double[][] {{R2, t}, {R2, -t}, {0, 4 * t}}, 1e-14);
    }

    @Test
    void diagonalMatrixGivesAbsoluteValuesSorted() {
        Svd svd = Svd.of(LinalgTesting.diagonal(3, -5, 1));
        assertThat(svd.singularValues()).containsExactly(new double[] {5, 3, 1}, within(1e-15));
        assertMatrixClose(svd.v(), new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}, 1e-15);
        // u_1 = A v_1 / 5 = (0, -1, 0)
        assertMatrixClose(svd.u(), new double[][] {{0, 1, 0}, {-1, 0, 0}, {0, 0, 1}}, 1e-15);
    }

    @Test
    void rankOneOuterProduct() {
        // (1, 2, 3)^T (1, 1): the only non-zero singular value is |(1,2,3)| |(1,1)| = sqrt(14) sqrt(2).
        Matrix a = Matrix.of(new double[][] {{1, 1}, {2, 2}, {3, 3}});
        Svd svd = Svd.of(a);
        assertThat(svd.singularValues()).containsExactly(new double[] {Math.sqrt(28), 0}, within(1e-14));
        assertThat(svd.rank()).isEqualTo(1);
        assertOrthonormalColumns(svd.u(), 1e-15);
        assertOrthonormalColumns(svd.v(), 1e-15);
        assertMatrixClose(usvt(svd.u(), svd.singularValues(), svd.v()), a, 1e-14);
    }

    @Test
    void zeroMatrixHasZeroSingularValuesAndOrthonormalFactors() {
        for (int[] shape : new int[][] {{4, 2}, {2, 4}, {3, 3}}) {
            Svd svd = Svd.of(Matrix.zeros(shape[0], shape[1]));
            assertThat(svd.singularValues()).containsOnly(0.0);
            assertThat(svd.rank()).isZero();
            assertOrthonormalColumns(svd.u(), 1e-15);
            assertOrthonormalColumns(svd.v(), 1e-15);
            assertThat(svd.solve(new double[shape[0]])).containsOnly(0.0);
        }
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        for (double scale : new double[] {1e300, 1e-300}) {
            Svd svd = Svd.of(Matrix.of(new double[][] {{3 * scale, 2 * scale, 2 * scale}, {2 * scale, 3 * scale, -2 * scale}}));
            assertThat(svd.singularValues()).containsExactly(new double[] {5 * scale, 3 * scale}, within(1e-14 * scale));
        }
    }

    @Test
    void minimumNormSolutions() {
        // x1 + x2 = 2 has infinitely many solutions; the shortest is (1, 1).
        assertThat(Svd.of(Matrix.of(new double[][] {{1, 1}})).solve(new double[] {2}))
                .containsExactly(new double[] {1, 1}, within(1e-15));
        // Rank-deficient and inconsistent: the least-squares condition is x1 + x2 = mean(1, 2, 3) = 2.
        assertThat(Svd.of(Matrix.of(new double[][] {{1, 1}, {1, 1}, {1, 1}})).solve(new double[] {1, 2, 3}))
                .containsExactly(new double[] {1, 1}, within(1e-14));
        // Full rank: the same answer as the exact solve (x = (1, 2, 3)).
        Matrix x = Svd.of(Matrix.of(new double[][] {{0, 1, 1}, {2, 1, 1}, {1, 3, -1}}))
                .solve(Matrix.of(new double[][] {{5}, {7}, {4}}));
        assertMatrixClose(x, new double[][] {{1}, {2}, {3}}, 1e-14);
    }

    @Test
    void reconstructsRandomMatricesOfEveryShape() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int trial = 0; trial < 80; trial++) {
            int m = 1 + rnd.nextInt(40);
            int n = 1 + rnd.nextInt(40);
            Matrix a = LinalgTesting.random(rnd, m, n);
            Svd svd = Svd.of(a);
            double[] s = svd.singularValues();
            assertThat(s).hasSize(Math.min(m, n));
            for (int k = 0; k < s.length; k++) {
                assertThat(s[k]).isNotNegative();
                if (k > 0) {
                    assertThat(s[k]).isLessThanOrEqualTo(s[k - 1]);
                }
            }
            assertOrthonormalColumns(svd.u(), 1e-13);
            assertOrthonormalColumns(svd.v(), 1e-13);
            assertLargestComponentPositive(svd.v());
            assertMatrixClose(usvt(svd.u(), s, svd.v()), a, 1e-13);
        }
    }

    @Test
    void detectsRankOfRandomLowRankProducts() {
        SplittableRandom rnd = new SplittableRandom(43);
        for (int trial = 0; trial < 40; trial++) {
            int m = 2 + rnd.nextInt(30);
            int n = 2 + rnd.nextInt(30);
            int r = 1 + rnd.nextInt(Math.min(m, n) - 1);
            Matrix a = LinalgTesting.random(rnd, m, r).multiply(LinalgTesting.random(rnd, r, n));
            Svd svd = Svd.of(a);
            assertThat(svd.rank()).as("rank of a %dx%d product through %d", m, n, r).isEqualTo(r);
            assertOrthonormalColumns(svd.u(), 1e-13);
            assertOrthonormalColumns(svd.v(), 1e-13);
            assertMatrixClose(usvt(svd.u(), svd.singularValues(), svd.v()), a, 1e-13);
        }
    }

    @Test
    void agreesWithTheEigendecompositionOfTheGramMatrix() {
        // Two independent algorithms: Jacobi SVD of A and tridiagonal QL of A^T A. The documented sign
        // conventions make V and the eigenvectors equal, not merely parallel.
        SplittableRandom rnd = new SplittableRandom(47);
        Matrix a = LinalgTesting.random(rnd, 12, 5);
        Svd svd = Svd.of(a);
        SymmetricEigen eig = SymmetricEigen.of(a.transpose().multiply(a));
        double[] s = svd.singularValues();
        double[] lambda = eig.eigenvalues();
        for (int k = 0; k < 5; k++) {
            assertThat(s[k] * s[k]).isCloseTo(lambda[k], within(1e-13));
        }
        assertMatrixClose(svd.v(), eig.eigenvectors(), 1e-12);
    }
}
