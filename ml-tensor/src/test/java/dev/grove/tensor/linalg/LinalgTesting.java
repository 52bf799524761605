package dev.grove.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Shared assertions and random inputs for the linear-algebra tests. */
final class LinalgTesting {

    private LinalgTesting() {
    }

    /**
     * Asserts the shape and every entry of {@code actual} to an absolute tolerance. The comparison is a
     * plain loop and the (large) failure message is built only on failure, which keeps the property
     * tests over hundreds of matrices fast.
     */
    static void assertMatrixClose(Matrix actual, double[][] expected, double tolerance) {
        assertThat(actual.rows()).as("rows of %s", actual).isEqualTo(expected.length);
        assertThat(actual.cols()).as("cols of %s", actual).isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double a = actual.get(i, j);
                if (!(Math.abs(a - expected[i][j]) <= tolerance)) {
                    fail("entry (%d, %d) is %s but expected %s within %s%nactual:   %s%nexpected: %s",
                            i, j, a, expected[i][j], tolerance, Arrays.deepToString(actual.toArray()),
                            Arrays.deepToString(expected));
                }
            }
        }
    }

    static void assertMatrixClose(Matrix actual, Matrix expected, double tolerance) {
        assertMatrixClose(actual, expected.toArray(), tolerance);
    }

    /** Asserts {@code q^T q = I}, i.e. the columns of {@code q} are orthonormal. */
    static void assertOrthonormalColumns(Matrix q, double tolerance) {
        assertMatrixClose(q.transpose().multiply(q), Matrix.identity(q.cols()), tolerance);
    }

    /** Entries uniform in [-1, 1). */
    static Matrix random(SplittableRandom rnd, int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, rnd.nextDouble(-1.0, 1.0));
            }
        }
        return m;
    }

    /** A random symmetric matrix with entries in [-1, 1). */
    static Matrix randomSymmetric(SplittableRandom rnd, int n) {
        Matrix m = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rnd.nextDouble(-1.0, 1.0);
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
        return m;
    }

    static Matrix diagonal(double... d) {
        Matrix m = Matrix.zeros(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.set(i, i, d[i]);
        }
        return m;
    }

    /** {@code u * diag(s) * v^T}, assembled entry by entry. */
    static Matrix usvt(Matrix u, double[] s, Matrix v) {
        Matrix out = Matrix.zeros(u.rows(), v.rows());
        for (int i = 0; i < u.rows(); i++) {
            for (int j = 0; j < v.rows(); j++) {
                double sum = 0.0;
                for (int k = 0; k < s.length; k++) {
                    sum += u.get(i, k) * s[k] * v.get(j, k);
                }
                out.set(i, j, sum);
            }
        }
        return out;
    }

    static double maxAbs(Matrix m) {
        double max = 0.0;
        for (double[] row : m.toArray()) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /**
     * Asserts the documented sign convention: in every column the first entry whose magnitude is within
     * a relative 1e-9 of the column's largest magnitude is positive.
     */
    static void assertLargestComponentPositive(Matrix v) {
        for (int j = 0; j < v.cols(); j++) {
            double[] col = v.column(j);
            double max = 0.0;
            for (double x : col) {
                max = Math.max(max, Math.abs(x));
            }
            int lead = 0;
            while (Math.abs(col[lead]) < max * (1 - 1e-9)) {
                lead++;
            }
            if (!(col[lead] > 0)) {
                fail("leading entry %d of column %d is %s, not positive, in %s", lead, j, col[lead], v);
            }
        }
    }

    /** Asserts two vectors are equal up to a common sign. */
    static void assertParallel(double[] actual, double[] expected, double tolerance) {
        double dot = 0.0;
        for (int i = 0; i < actual.length; i++) {
            dot += actual[i] * expected[i];
        }
        double sign = dot < 0 ? -1.0 : 1.0;
        double[] flipped = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            flipped[i] = sign * expected[i];
        }
        assertThat(actual).containsExactly(flipped, within(tolerance));
    }
}
