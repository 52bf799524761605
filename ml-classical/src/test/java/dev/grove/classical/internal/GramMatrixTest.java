package dev.grove.classical.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked kernels against the textbook triple loops they replace. */
class GramMatrixTest {

    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-2, 2);
        }
        return x;
    }

    @Test
    void gramMatrixEqualsTheNaiveSumsForAwkwardShapes() {
        // Row counts that leave remainders in every blocking (4-row passes, 64-row blocks, 2048-row
        // chunks) and column counts that leave remainders in the 4-row output groups.
        for (int[] shape : new int[][] {{1, 1}, {3, 5}, {7, 9}, {130, 6}, {4099, 13}, {5000, 1}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[] x = random(rows * cols, rows * 31L + cols);
            for (boolean parallel : new boolean[] {false, true}) {
                double[] gram = GramMatrix.of(x, rows, cols, parallel);
                for (int j = 0; j < cols; j++) {
                    for (int k = 0; k < cols; k++) {
                        double expected = 0;
                        for (int i = 0; i < rows; i++) {
                            expected += x[i * cols + j] * x[i * cols + k];
                        }
                        assertThat(gram[j * cols + k]).as("%dx%d [%d][%d]", rows, cols, j, k)
                                .isCloseTo(expected, offset(1e-12 * rows));
                        assertThat(gram[j * cols + k]).isEqualTo(gram[k * cols + j]);
                    }
                }
            }
        }
    }

    @Test
    void gramMatrixIsBitwiseTheSameInParallel() {
        double[] x = random(9000 * 11, 5);
        assertThat(GramMatrix.of(x, 9000, 11, true)).containsExactly(GramMatrix.of(x, 9000, 11, false));
    }

    @Test
    void matrixProductEqualsTheNaiveSums() {
        for (int[] shape : new int[][] {{1, 1, 1}, {5, 7, 3}, {1100, 10, 6}, {3, 4, 33}}) {
            int rows = shape[0];
            int inner = shape[1];
            int cols = shape[2];
            double[] a = random(rows * inner, 1);
            double[] b = random(inner * cols, 2);
            for (boolean parallel : new boolean[] {false, true}) {
                double[] product = MatrixProduct.of(a, rows, inner, b, cols, parallel);
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < cols; c++) {
                        double expected = 0;
                        for (int j = 0; j < inner; j++) {
                            expected += a[i * inner + j] * b[j * cols + c];
                        }
                        assertThat(product[i * cols + c]).isCloseTo(expected, offset(1e-12 * inner));
                    }
                }
            }
        }
    }
}
