package dev.grove.tensor.linalg;

/** Argument checks and small numeric helpers shared by the decompositions. */
final class Checks {

    /** Machine epsilon for double, 2^-52: the gap between 1.0 and the next double. */
    static final double EPS = Math.ulp(1.0);

    /**
     * Largest accepted |A[i][j] - A[j][i]| relative to max|A| for a matrix to count as symmetric.
     * Far above rounding noise (a Gram matrix built in a different summation order differs by about
     * n * eps) yet far below any asymmetry that is a real mistake.
     */
    static final double SYMMETRY_TOLERANCE = 1e-10;

    private Checks() {
    }

    static String shape(Matrix a) {
        return a.rows() + "x" + a.cols();
    }

    static void requireSquare(String op, Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException(op + ": matrix must be square, got " + shape(a));
        }
    }

    static void requireFinite(String op, String name, Matrix a) {
        double[] d = a.data;
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException(op + ": " + name + " contains " + d[k] + " at ("
                        + k / a.cols() + ", " + k % a.cols() + ")");
            }
        }
    }

    /** Square, finite and symmetric to {@link #SYMMETRY_TOLERANCE} relative to max|A|. */
    static void requireSymmetric(String op, Matrix a) {
        requireSquare(op, a);
        requireFinite(op, "matrix", a);
        int n = a.rows();
        double[] d = a.data;
        double tol = SYMMETRY_TOLERANCE * maxAbs(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double upper = d[j * n + i];
                double lower = d[i * n + j];
                if (Math.abs(upper - lower) > tol) {
                    throw new IllegalArgumentException(op + ": matrix is not symmetric: A[" + j + "][" + i + "] = " + upper
                            + " but A[" + i + "][" + j + "] = " + lower + " (difference exceeds " + SYMMETRY_TOLERANCE
                            + " * max|A|)");
                }
            }
        }
    }

    static double maxAbs(double[] d) {
        double m = 0.0;
        for (double v : d) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Euclidean norm of {@code x[from..to)} without overflow or harmful underflow: entries are divided
     * by the largest magnitude before squaring.
     */
    static double norm2(double[] x, int from, int to) {
        double scale = 0.0;
        for (int i = from; i < to; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        for (int i = from; i < to; i++) {
            double t = x[i] / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    /**
     * The power of two nearest to 1 / max|A| (1 for a zero matrix). Multiplying by a power of two is
     * exact, so iterative algorithms can work on entries of order 1, away from overflow and underflow,
     * and rescale their results without extra rounding.
     */
    static double unitScale(double maxAbs) {
        return maxAbs == 0.0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(maxAbs));
    }

    /**
     * Makes each column of {@code v} (row-major, {@code rows x cols}) have a positive largest-magnitude
     * entry, flipping the same column of {@code partner} (row-major, {@code partnerRows x cols}) when
     * it is non-null. Entries within a relative {@code 1e-9} of the largest magnitude count as tied and
     * the lowest row index among them decides, so that rounding noise in exactly tied entries (as in
     * (1, -1)/sqrt(2)) does not flip the sign arbitrarily.
     */
    static void normalizeColumnSigns(double[] v, int rows, int cols, double[] partner, int partnerRows) {
        for (int j = 0; j < cols; j++) {
            double max = 0.0;
            for (int i = 0; i < rows; i++) {
                max = Math.max(max, Math.abs(v[i * cols + j]));
            }
            double threshold = max * (1.0 - 1e-9);
            int lead = 0;
            while (Math.abs(v[lead * cols + j]) < threshold) {
                lead++;
            }
            if (v[lead * cols + j] < 0) {
                for (int i = 0; i < rows; i++) {
                    v[i * cols + j] = -v[i * cols + j];
                }
                if (partner != null) {
                    for (int i = 0; i < partnerRows; i++) {
                        partner[i * cols + j] = -partner[i * cols + j];
                    }
                }
            }
        }
    }

    /**
     * Indices of {@code values} ordered by descending value; equal values keep their original order.
     * Insertion sort on primitive indices: the arrays are small (one entry per eigen- or singular
     * value) next to the cubic work that produced them, and this avoids boxing.
     */
    static int[] descendingOrder(double[] values) {
        int[] order = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            int idx = i;
            int pos = i;
            while (pos > 0 && values[order[pos - 1]] < values[idx]) {
                order[pos] = order[pos - 1];
                pos--;
            }
            order[pos] = idx;
        }
        return order;
    }
}
