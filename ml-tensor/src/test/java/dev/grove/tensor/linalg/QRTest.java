package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static dev.grove.tensor.linalg.LinalgTesting.assertOrthonormalColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QRTest {

    @Test
    void matchesTheTextbookFactorisationUpToSigns() {
        // The classic example (e.g. Wikipedia, "QR decomposition"): Q has columns
        // (6, 3, -2)/7, (-69, 158, 30)/175, (-58, 6, -165)/175 and R = [[14, 21, -14], [0, 175, -70], [0, 0, 35]].
        // QR is unique up to the signs of R's rows (and Q's matching columns); normalise R's diagonal to
        // positive before comparing.
        Matrix a = Matrix.of(new double[][] {{12, -51, 4}, {6, 167, -68}, {-4, 24, -41}});
        QR qr = QR.of(a);
        Matrix q = qr.q();
        Matrix r = qr.r();
        for (int k = 0; k < 3; k++) {
            if (r.get(k, k) < 0) {
                for (int j = 0; j < 3; j++) {
                    r.set(k, j, -r.get(k, j));
                    q.set(j, k, -q.get(j, k));
                }
            }
        }
        assertMatrixClose(r, new double[][] {{14, 21, -14}, {0, 175, -70}, {0, 0, 35}}, 1e-12);
        assertMatrixClose(q, new double[][] {
            {6 / 7.0, -69 / 175.0, -58 / 175.0}, {3 / 7.0, 158 / 175.0, 6 / 175.0}, {-2 / 7.0, 6 / 35.0, -33 / 35.0}}, 1e-14);
        assertThat(qr.isFullColumnRank()).isTrue();
    }

    @Test
    void thinShapesForTallAndWideMatrices() {
        QR tall = QR.of(Matrix.zeros(5, 2));
        assertThat(tall.q().rows()).isEqualTo(5);
        assertThat(tall.q().cols()).isEqualTo(2);
        assertThat(tall.r().rows()).isEqualTo(2);
        assertThat(tall.r().cols()).isEqualTo(2);
        QR wide = QR.of(Matrix.zeros(2, 5));
        assertThat(wide.q().cols()).isEqualTo(2);
        assertThat(wide.r().rows()).isEqualTo(2);
        assertThat(wide.r().cols()).isEqualTo(5);
        assertThat(wide.isFullColumnRank()).isFalse();
    }

    @Test
    void zeroMatrixStillHasOrthonormalQ() {
        QR qr = QR.of(Matrix.zeros(4, 3));
        assertOrthonormalColumns(qr.q(), 0);
        assertThat(qr.r().toRowMajor()).containsOnly(0.0);
        assertThat(qr.isFullColumnRank()).isFalse();
    }

    @Test
    void reconstructsRandomMatricesOfEveryShape() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 80; trial++) {
            int m = 1 + rnd.nextInt(40);
            int n = 1 + rnd.nextInt(40);
            Matrix a = LinalgTesting.random(rnd, m, n);
            QR qr = QR.of(a);
            Matrix q = qr.q();
            Matrix r = qr.r();
            assertThat(q.rows()).isEqualTo(m);
            assertThat(q.cols()).isEqualTo(Math.min(m, n));
            assertOrthonormalColumns(q, 1e-13);
            for (int i = 0; i < r.rows(); i++) {
                for (int j = 0; j < Math.min(i, n); j++) {
                    assertThat(r.get(i, j)).as("R[%d][%d] of a %dx%d input", i, j, m, n).isZero();
                }
            }
            assertMatrixClose(q.multiply(r), a, 1e-13);
        }
    }

    @Test
    void detectsDependentColumns() {
        // Column 2 = column 0 + column 1.
        Matrix a = Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}, {2, -1, 1}});
        assertThat(QR.of(a).isFullColumnRank()).isFalse();
        // A tiny but genuine perturbation well above rounding level keeps full rank.
        a.set(3, 2, 1 + 1e-8);
        assertThat(QR.of(a).isFullColumnRank()).isTrue();
    }

    @Test
    void solveGivesTheExactSolutionOfASquareSystem() {
        Matrix a = Matrix.of(new double[][] {{0, 1, 1}, {2, 1, 1}, {1, 3, -1}});
        assertThat(QR.of(a).solve(new double[] {5, 7, 4})).containsExactly(new double[] {1, 2, 3}, within(1e-14));
    }
}
