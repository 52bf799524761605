package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    /** Hand-checkable: L L^T with L = [[2,0,0],[6,1,0],[-8,5,3]] multiplies out to this matrix. */
    private static final Matrix SPD3 = Matrix.of(new double[][] {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}});

    @Test
    void factorsTheTextbookMatrix() {
        Cholesky c = Cholesky.of(SPD3);
        assertMatrixClose(c.l(), new double[][] {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}}, 1e-14);
        // det = (2 * 1 * 3)^2 = 36
        assertThat(c.logDet()).isCloseTo(Math.log(36), within(1e-14));
    }

    @Test
    void solvesForAKnownSolution() {
        // b = A (1, 2, 3): 4 + 24 - 48, 12 + 74 - 129, -16 - 86 + 294
        double[] x = Cholesky.of(SPD3).solve(new double[] {-20, -43, 192});
        assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-12));
        Matrix xs = Cholesky.of(SPD3).solve(Matrix.of(new double[][] {{-20, 4}, {-43, 12}, {192, -16}}));
        assertMatrixClose(xs, new double[][] {{1, 1}, {2, 0}, {3, 0}}, 1e-12);
    }

    @Test
    void inverseIsExactlySymmetricAndInvertsA() {
        Matrix inv = Cholesky.of(SPD3).inverse();
        assertThat(inv.transpose().toArray()).isDeepEqualTo(inv.toArray());
        assertMatrixClose(SPD3.multiply(inv), Matrix.identity(3), 1e-12);
        // Cofactors of A divided by det A = 36: e.g. (37*98 - 43*43) / 36 = 1777 / 36.
        assertThat(inv.get(0, 0)).isCloseTo(1777.0 / 36, within(1e-11));
        assertThat(inv.get(2, 2)).isCloseTo((4 * 37 - 12 * 12) / 36.0, within(1e-13));
    }

    @Test
    void matchesNumpy() {
        // C = round(B^T B + I, 6) for the 6x4 B of NumpyReferenceTest; reference from numpy 1.24.2
        // numpy.linalg.cholesky and numpy.linalg.slogdet.
        Matrix c = Matrix.of(new double[][] {
            {9.745218, -1.255667, -4.069018, 2.799674},
            {-1.255667, 11.685423, -3.189218, 1.797205},
            {-4.069018, -3.189218, 8.946511, -1.263875},
            {2.799674, 1.797205, -1.263875, 10.370154}});
        Cholesky chol = Cholesky.of(c);
        assertMatrixClose(chol.l(), new double[][] {
            {3.1217331724540456, 0.0, 0.0, 0.0},
            {-0.40223392924158846, 3.394647384658217, 0.0, 0.0},
            {-1.303448365127657, -1.0939307494061594, 2.4598473275692774, 0.0},
            {0.8968332158251471, 0.635689514624797, 0.24412128726541735, 3.016976602675714}}, 1e-13);
        assertThat(chol.logDet()).isCloseTo(8.729885470198255, within(1e-13));
    }

    @Test
    void oneByOne() {
        Cholesky c = Cholesky.of(Matrix.of(new double[][] {{9}}));
        assertThat(c.l().get(0, 0)).isEqualTo(3.0);
        assertThat(c.solve(new double[] {18})).containsExactly(2.0);
    }

    @Test
    void reconstructsRandomSpdMatrices() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 1; n <= 40; n++) {
            Matrix b = LinalgTesting.random(rnd, n, n);
            // B B^T + n I is symmetric positive definite with eigenvalues >= n.
            Matrix a = b.multiply(b.transpose());
            for (int i = 0; i < n; i++) {
                a.set(i, i, a.get(i, i) + n);
            }
            Matrix l = Cholesky.of(a).l();
            for (int i = 0; i < n; i++) {
                assertThat(l.get(i, i)).isPositive();
                for (int j = i + 1; j < n; j++) {
                    assertThat(l.get(i, j)).isZero();
                }
            }
            assertMatrixClose(l.multiply(l.transpose()), a, 1e-12 * n);
            double[] x = LinalgTesting.random(rnd, n, 1).column(0);
            assertThat(Cholesky.of(a).solve(a.multiply(x))).containsExactly(x, within(1e-12));
        }
    }
}
