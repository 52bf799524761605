package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertLargestComponentPositive;
import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static dev.grove.tensor.linalg.LinalgTesting.assertOrthonormalColumns;
import static dev.grove.tensor.linalg.LinalgTesting.assertParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static final double R2 = Math.sqrt(0.5);

    @Test
    void twoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertThat(e.eigenvalues()).containsExactly(new double[] {3, 1}, within(1e-15));
        // (1, 1)/sqrt2 and (1, -1)/sqrt2; in the second the tied magnitudes go to the first entry.
        assertMatrixClose(e.eigenvectors(), new double[][] {{R2, R2}, {R2, -R2}}, 1e-15);
        assertThat(e.eigenvector(1)).containsExactly(new double[] {R2, -R2}, within(1e-15));
    }

    @Test
    void diagonalMatrixIsSortedDescendingWithUnitVectors() {
        SymmetricEigen e = SymmetricEigen.of(LinalgTesting.diagonal(-1, 5, 0, 2));
        assertThat(e.eigenvalues()).containsExactly(5, 2, 0, -1);
        assertMatrixClose(e.eigenvectors(), new double[][] {{0, 0, 0, 1}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}}, 0);
    }

    @Test
    void oneByOne() {
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(new double[][] {{-4}}));
        assertThat(e.eigenvalues()).containsExactly(-4.0);
        assertThat(e.eigenvector(0)).containsExactly(1.0);
    }

    @Test
    void tridiagonalToeplitzHasTheKnownSpectrum() {
        // tridiag(-1, 2, -1) of order n: lambda_k = 2 - 2 cos(k pi / (n + 1)) with eigenvector
        // v_k(j) = sin(j k pi / (n + 1)), j, k = 1..n.
        int n = 10;
        Matrix t = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.set(i, i, 2);
            if (i > 0) {
                t.set(i, i - 1, -1);
                t.set(i - 1, i, -1);
            }
        }
        SymmetricEigen e = SymmetricEigen.of(t);
        double[] values = e.eigenvalues();
        for (int idx = 0; idx < n; idx++) {
            int k = n - idx; // descending order puts k = n first
            assertThat(values[idx]).isCloseTo(2 - 2 * Math.cos(k * Math.PI / (n + 1)), within(1e-14));
            double[] expected = new double[n];
            double norm = Math.sqrt((n + 1) / 2.0); // sum_j sin^2(j k pi / (n+1)) = (n+1)/2
            for (int j = 1; j <= n; j++) {
                expected[j - 1] = Math.sin(j * k * Math.PI / (n + 1)) / norm;
            }
            assertParallel(e.eigenvector(idx), expected, 1e-13);
        }
        assertLargestComponentPositive(e.eigenvectors());
    }

    @Test
    void repeatedEigenvaluesGiveAnOrthonormalBasisOfTheEigenspace() {
        // Q diag(2, 2, 5) Q^T with Q a rotation: eigenvalue 2 has a 2-dimensional eigenspace.
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        Matrix q = Matrix.of(new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}});
        Matrix a = q.multiply(LinalgTesting.diagonal(5, 2, 2)).multiply(q.transpose());
        SymmetricEigen e = SymmetricEigen.of(a);
        assertThat(e.eigenvalues()).containsExactly(new double[] {5, 2, 2}, within(1e-14));
        assertParallel(e.eigenvector(0), new double[] {c, s, 0}, 1e-14);
        assertOrthonormalColumns(e.eigenvectors(), 1e-14);
        assertMatrixClose(a.multiply(e.eigenvectors()), e.eigenvectors().multiply(LinalgTesting.diagonal(e.eigenvalues())), 1e-14);

        SymmetricEigen identity = SymmetricEigen.of(Matrix.identity(4));
        assertThat(identity.eigenvalues()).containsExactly(1, 1, 1, 1);
        assertOrthonormalColumns(identity.eigenvectors(), 0);
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        for (double scale : new double[] {1e300, 1e-300}) {
            Matrix a = Matrix.of(new double[][] {{2 * scale, scale}, {scale, 2 * scale}});
            assertThat(SymmetricEigen.of(a).eigenvalues()).as("scale %s", scale)
                    .containsExactly(new double[] {3 * scale, scale}, within(1e-15 * scale));
        }
    }

    @Test
    void acceptsRoundingLevelAsymmetryAndUsesTheSymmetricPart() {
        Matrix a = Matrix.of(new double[][] {{2, 1 + 1e-14}, {1 - 1e-14, 2}});
        assertThat(SymmetricEigen.of(a).eigenvalues()).containsExactly(new double[] {3, 1}, within(1e-15));
    }

    @Test
    void satisfiesTheEigenEquationForRandomSymmetricMatrices() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int n = 1; n <= 40; n++) {
            Matrix a = LinalgTesting.randomSymmetric(rnd, n);
            SymmetricEigen e = SymmetricEigen.of(a);
            double[] lambda = e.eigenvalues();
            Matrix v = e.eigenvectors();
            for (int k = 1; k < n; k++) {
                assertThat(lambda[k]).isLessThanOrEqualTo(lambda[k - 1]);
            }
            assertOrthonormalColumns(v, 1e-13);
            assertMatrixClose(a.multiply(v), v.multiply(LinalgTesting.diagonal(lambda)), 1e-12);
            assertLargestComponentPositive(v);
            double trace = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                trace += a.get(i, i);
                sum += lambda[i];
            }
            assertThat(sum).isCloseTo(trace, within(1e-12));
        }
    }
}
