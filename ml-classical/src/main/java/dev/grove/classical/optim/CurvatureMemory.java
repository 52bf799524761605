package dev.grove.classical.optim;

/**
 * The last few curvature pairs (s, y) of a limited-memory quasi-Newton method (s the step, y the
 * change of the smooth gradient along it) and the two-loop recursion over them (Nocedal &amp; Wright,
 * algorithm 7.4), shared by {@link Lbfgs} and {@link OwlQn}.
 */
final class CurvatureMemory {

    /** Pairs with s·y at or below this fraction of y·y are dropped (as in L-BFGS-B). */
    private static final double CURVATURE_EPSILON = 2.220446049250313e-16;

    private final double[][] steps;
    private final double[][] gradientChanges;
    private final double[] inverseCurvatures;
    private final double[] coefficients;
    private int size;
    private int newest = -1;

    CurvatureMemory(int capacity, int n) {
        steps = new double[capacity][n];
        gradientChanges = new double[capacity][n];
        inverseCurvatures = new double[capacity];
        coefficients = new double[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
        newest = -1;
    }

    /** Remembers the step from x to xNext, where the smooth gradient went from g to gNext. */
    void add(double[] x, double[] xNext, double[] g, double[] gNext) {
        int slot = (newest + 1) % steps.length;
        double[] s = steps[slot];
        double[] y = gradientChanges[slot];
        for (int i = 0; i < s.length; i++) {
            s[i] = xNext[i] - x[i];
            y[i] = gNext[i] - g[i];
        }
        double sy = Lbfgs.dot(s, y);
        double yy = Lbfgs.dot(y, y);
        // The update keeps the inverse Hessian approximation positive definite only if s·y > 0.
        if (!(sy > CURVATURE_EPSILON * yy)) {
            return;
        }
        inverseCurvatures[slot] = 1.0 / sy;
        newest = slot;
        size = Math.min(size + 1, steps.length);
    }

    /** direction = −H·g, with H the limited-memory inverse Hessian approximation (identity when empty). */
    void direction(double[] g, double[] direction) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            direction[i] = -g[i];
        }
        int capacity = steps.length;
        for (int k = 0; k < size; k++) {
            int slot = Math.floorMod(newest - k, capacity);
            double a = inverseCurvatures[slot] * Lbfgs.dot(steps[slot], direction);
            coefficients[slot] = a;
            axpy(-a, gradientChanges[slot], direction);
        }
        if (size > 0) {
            double[] y = gradientChanges[newest];
            double scale = 1.0 / (inverseCurvatures[newest] * Lbfgs.dot(y, y));
            for (int i = 0; i < n; i++) {
                direction[i] *= scale;
            }
        }
        for (int k = size - 1; k >= 0; k--) {
            int slot = Math.floorMod(newest - k, capacity);
            double b = inverseCurvatures[slot] * Lbfgs.dot(gradientChanges[slot], direction);
            axpy(coefficients[slot] - b, steps[slot], direction);
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
