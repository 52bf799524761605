package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LU-based solve, inverse and determinants, and QR-based least squares, through the facade. */
class LinearAlgebraTest {

    @Test
    void solvesAHandCheckedSystemThatNeedsPivoting() {
        // a[0][0] = 0 forces a row exchange. Solution checked by substitution: x = (1, 2, 3).
        Matrix a = Matrix.of(new double[][] {{0, 1, 1}, {2, 1, 1}, {1, 3, -1}});
        assertThat(LinearAlgebra.solve(a, new double[] {5, 7, 4})).containsExactly(new double[] {1, 2, 3}, within(1e-14));
        Matrix x = LinearAlgebra.solve(a, Matrix.of(new double[][] {{5, 1}, {7, 1}, {4, 3}}));
        // Second column: x = (0, 1, 0).
        assertMatrixClose(x, new double[][] {{1, 0}, {2, 1}, {3, 0}}, 1e-14);
    }

    @Test
    void determinantSignFollowsRowExchanges() {
        assertThat(LinearAlgebra.det(Matrix.of(new double[][] {{0, 1}, {1, 0}}))).isEqualTo(-1.0);
        assertThat(LinearAlgebra.det(Matrix.of(new double[][] {{1, 2}, {3, 4}}))).isCloseTo(-2.0, within(1e-15));
        LogDeterminant ld = LinearAlgebra.logDet(Matrix.of(new double[][] {{0, 2, 0}, {3, 0, 0}, {0, 0, -5}}));
        // det = -(2 * 3) * -5 = 30
        assertThat(ld.sign()).isEqualTo(1);
        assertThat(ld.logAbs()).isCloseTo(Math.log(30), within(1e-15));
        assertThat(ld.det()).isCloseTo(30.0, within(1e-12));
    }

    @Test
    void logDetDoesNotOverflowWhereDetDoes() {
        Matrix big = LinalgTesting.diagonal(1e200, -1e200, 1e200);
        assertThat(LinearAlgebra.det(big)).isEqualTo(Double.NEGATIVE_INFINITY);
        LogDeterminant ld = LinearAlgebra.logDet(big);
        assertThat(ld.sign()).isEqualTo(-1);
        assertThat(ld.logAbs()).isCloseTo(600 * Math.log(10), within(1e-12));
    }

    @Test
    void exactlySingularMatrixHasZeroDeterminantNotNaN() {
        Matrix singular = Matrix.of(new double[][] {{1e300, 1e300, 0}, {1e300, 1e300, 0}, {0, 0, 1e300}});
        assertThat(LinearAlgebra.det(singular)).isEqualTo(0.0);
        assertThat(LinearAlgebra.logDet(singular)).isEqualTo(new LogDeterminant(0, Double.NEGATIVE_INFINITY));
        assertThat(LU.of(singular).isSingular()).isTrue();
    }

    @Test
    void hilbertDeterminantsMatchTheClosedForm() {
        for (int n = 1; n <= 7; n++) {
            double expected = hilbertDeterminant(n);
            // det H_n is very sensitive (cond(H_7) ~ 5e8), so allow a relative error of cond * eps.
            assertThat(LinearAlgebra.det(hilbert(n))).as("det H_%d", n).isCloseTo(expected, withinPercentage(1e-5));
            assertThat(LinearAlgebra.logDet(hilbert(n)).logAbs()).isCloseTo(Math.log(expected), within(1e-7));
        }
        assertThat(hilbertDeterminant(4)).isEqualTo(1.0 / 6048000); // the closed form itself, against a table value
    }

    @Test
    void hilbertInverseMatchesTheClosedForm() {
        assertMatrixClose(LinearAlgebra.inverse(hilbert(4)), new double[][] {
            {16, -120, 240, -140}, {-120, 1200, -2700, 1680}, {240, -2700, 6480, -4200}, {-140, 1680, -4200, 2800}}, 1e-9);
        for (int n = 5; n <= 8; n++) {
            Matrix inv = LinearAlgebra.inverse(hilbert(n));
            // Entries reach ~1e10 at n = 8 and cond(H_8) ~ 1.5e10: compare relative to the largest entry.
            double scale = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    scale = Math.max(scale, Math.abs(hilbertInverseEntry(n, i + 1, j + 1)));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(inv.get(i, j)).as("inv(H_%d)[%d][%d]", n, i, j)
                            .isCloseTo(hilbertInverseEntry(n, i + 1, j + 1), within(1e-5 * scale));
                }
            }
        }
    }

    @Test
    void fitsALineExactly() {
        // y = 2 + 3x at x = 0..4, so the residual is zero and the fit is exact.
        Matrix x = Matrix.of(new double[][] {{1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}});
        double[] coef = LinearAlgebra.leastSquares(x, new double[] {2, 5, 8, 11, 14});
        assertThat(coef).containsExactly(new double[] {2, 3}, within(1e-14));
    }

    @Test
    void handComputedRegression() {
        // x = 0..3, y = (1, 3, 2, 5): sums n=4, Sx=6, Sy=11, Sxy=22, Sxx=14, so the normal equations give
        // slope (4*22 - 6*11) / (4*14 - 36) = 1.1 and intercept (11 - 1.1*6) / 4 = 1.1.
        Matrix x = Matrix.of(new double[][] {{1, 0}, {1, 1}, {1, 2}, {1, 3}});
        Matrix coef = LinearAlgebra.leastSquares(x, Matrix.of(new double[][] {{1, 2}, {3, 4}, {2, 6}, {5, 8}}));
        // Second right-hand side is y = 2 + 2x exactly.
        assertMatrixClose(coef, new double[][] {{1.1, 2}, {1.1, 2}}, 1e-14);
    }

    @Test
    void longleyMatchesNistCertifiedValues() {
        // NIST StRD "Longley" (y = Employed; x1..x6 = GNP deflator, GNP, Unemployed, Armed forces,
        // Population, Year). Notoriously ill-conditioned (cond ~ 5e9 with the intercept column).
        double[][] data = {
            {60323, 83.0, 234289, 2356, 1590, 107608, 1947}, {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
            {60171, 88.2, 258054, 3682, 1616, 109773, 1949}, {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
            {63221, 96.2, 328975, 2099, 3099, 112075, 1951}, {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
            {64989, 99.0, 365385, 1870, 3547, 115094, 1953}, {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
            {66019, 101.2, 397469, 2904, 3048, 117388, 1955}, {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
            {68169, 108.4, 442769, 2936, 2798, 120445, 1957}, {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
            {68655, 112.6, 482704, 3813, 2552, 123366, 1959}, {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
            {69331, 115.7, 518173, 4806, 2572, 127852, 1961}, {70551, 116.9, 554894, 4007, 2827, 130081, 1962}};
        Matrix x = Matrix.zeros(16, 7);
        double[] y = new double[16];
        for (int i = 0; i < 16; i++) {
            y[i] = data[i][0];
            x.set(i, 0, 1.0);
            for (int j = 1; j < 7; j++) {
                x.set(i, j, data[i][j]);
            }
        }
        double[] certified = {-3482258.63459582, 15.0618722713733, -0.358191792925910E-01, -2.02022980381683,
            -1.03322686717359, -0.511041056535807E-01, 1829.15146461355};
        double[] coef = LinearAlgebra.leastSquares(x, y);
        for (int j = 0; j < 7; j++) {
            // NIST certifies 15 digits; 8 correct significant digits is what cond * eps allows.
            assertThat(coef[j]).as("beta_%d", j).isCloseTo(certified[j], within(1e-8 * Math.abs(certified[j])));
        }
    }

    @Test
    void luFactorsReproducePermutedInput() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 1; n <= 40; n++) {
            Matrix a = LinalgTesting.random(rnd, n, n);
            LU lu = LU.of(a);
            int[] p = lu.pivot();
            Matrix pa = Matrix.zeros(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pa.set(i, j, a.get(p[i], j));
                }
            }
            Matrix l = lu.l();
            Matrix u = lu.u();
            assertMatrixClose(l.multiply(u), pa, 1e-13 * n);
            for (int i = 0; i < n; i++) {
                assertThat(l.get(i, i)).isEqualTo(1.0);
                for (int j = 0; j < i; j++) {
                    assertThat(Math.abs(l.get(i, j))).as("partial pivoting bounds |l_ij| by 1").isLessThanOrEqualTo(1.0);
                    assertThat(u.get(i, j)).isZero();
                    assertThat(l.get(j, i)).isZero();
                }
            }
        }
    }

    @Test
    void solveAndInverseRecoverRandomSystems() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int n = 1; n <= 40; n++) {
            Matrix a = LinalgTesting.random(rnd, n, n);
            for (int i = 0; i < n; i++) {
                a.set(i, i, a.get(i, i) + 2); // keeps the random matrices comfortably nonsingular
            }
            Matrix x = LinalgTesting.random(rnd, n, 3);
            assertMatrixClose(LinearAlgebra.solve(a, a.multiply(x)), x, 1e-12);
            assertMatrixClose(a.multiply(LinearAlgebra.inverse(a)), Matrix.identity(n), 1e-12);
        }
    }

    @Test
    void leastSquaresResidualIsOrthogonalToColumns() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rnd.nextInt(20);
            int m = n + rnd.nextInt(20);
            Matrix a = LinalgTesting.random(rnd, m, n);
            double[] b = LinalgTesting.random(rnd, m, 1).column(0);
            double[] x = LinearAlgebra.leastSquares(a, b);
            double[] residual = a.multiply(x);
            for (int i = 0; i < m; i++) {
                residual[i] = b[i] - residual[i];
            }
            // The normal equations A^T (b - A x) = 0 characterise the least-squares solution.
            assertThat(a.transpose().multiply(residual)).as("A^T r for %dx%d", m, n)
                    .containsExactly(new double[n], within(1e-12));
        }
    }

    @Test
    void inputsAreNeverModified() {
        double[][] spd = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};
        Matrix a = Matrix.of(spd);
        double[] b = {1, 2, 3};
        Matrix bm = Matrix.columnVector(1, 2, 3);
        LinearAlgebra.solve(a, b);
        LinearAlgebra.solve(a, bm);
        LinearAlgebra.leastSquares(a, bm);
        LinearAlgebra.inverse(a);
        LinearAlgebra.logDet(a);
        Cholesky.of(a).solve(b);
        QR.of(a).solve(bm);
        SymmetricEigen.of(a);
        Svd.of(a).solve(b);
        Svd.of(Matrix.of(new double[][] {{1, 2, 3}})).solve(new double[] {1});
        assertThat(a.toArray()).isDeepEqualTo(spd);
        assertThat(b).containsExactly(1, 2, 3);
        assertThat(bm.column(0)).containsExactly(1, 2, 3);
    }

    private static Matrix hilbert(int n) {
        Matrix h = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, 1.0 / (i + j + 1));
            }
        }
        return h;
    }

    /** det H_n = c_n^4 / c_{2n} with c_n = 1! 2! ... (n-1)!, evaluated exactly. */
    private static double hilbertDeterminant(int n) {
        BigInteger cn = superFactorial(n);
        return new BigDecimal(cn.pow(4)).divide(new BigDecimal(superFactorial(2 * n)), MathContext.DECIMAL128).doubleValue();
    }

    private static BigInteger superFactorial(int n) {
        BigInteger product = BigInteger.ONE;
        BigInteger factorial = BigInteger.ONE;
        for (int i = 1; i < n; i++) {
            factorial = factorial.multiply(BigInteger.valueOf(i));
            product = product.multiply(factorial);
        }
        return product;
    }

    /**
     * (H_n^-1)_ij = (-1)^(i+j) (i+j-1) C(n+i-1, n-j) C(n+j-1, n-i) C(i+j-2, i-1)^2, 1-based; an integer.
     */
    private static double hilbertInverseEntry(int n, int i, int j) {
        BigInteger c = BigInteger.valueOf(i + j - 1)
                .multiply(binomial(n + i - 1, n - j))
                .multiply(binomial(n + j - 1, n - i))
                .multiply(binomial(i + j - 2, i - 1).pow(2));
        return ((i + j) % 2 == 0 ? c : c.negate()).doubleValue();
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int t = 1; t <= k; t++) {
            r = r.multiply(BigInteger.valueOf(n - k + t)).divide(BigInteger.valueOf(t));
        }
        return r;
    }
}
