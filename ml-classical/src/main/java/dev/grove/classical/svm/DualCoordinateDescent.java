package dev.grove.classical.svm;

import dev.grove.tensor.Rng;
import java.util.Arrays;

/**
 * liblinear's dual coordinate descent for the L2-regularised linear SVM (Hsieh, Chang, Lin, Keerthi
 * &amp; Sundararajan, ICML 2008; liblinear's {@code solve_l2r_l1l2_svc}): the dual
 * <pre>
 *   minimise ½ αᵀ(Q + D)α − Σ α_i   subject to 0 ≤ α_i ≤ U,   Q_ij = y_i y_j x_i·x_j,
 * </pre>
 * with U = c, D = 0 for the hinge loss and U = ∞, D_ii = 1/(2c) for the squared hinge loss, one
 * variable at a time in a random order each pass, while keeping w = Σ y_i α_i x_i. Variables stuck
 * at a bound are shrunk away; when the projected gradients of the rest span less than tol the
 * whole set is checked once more before stopping.
 */
final class DualCoordinateDescent {

    /** The weights (with the intercept's weight last when fitted) and how the solve went. */
    record Solution(double[] weights, int iterations, boolean converged) {
    }

    private DualCoordinateDescent() {
    }

    /**
     * Solves the problem over rows of {@code x} (row-major, {@code features} per row) labelled
     * {@code y} (+1 or −1), with an extra constant feature 1 if {@code intercept}; draws the order
     * of each pass from {@code rng} and calls {@code cancellationCheck} every ten passes.
     */
    static Solution solve(double[] x, int features, byte[] y, boolean intercept, boolean squaredHinge, double c, double tol,
                          int maxIter, Rng rng, Runnable cancellationCheck) {
        int rows = y.length;
        double bias = intercept ? 1 : 0;
        double diagonal = squaredHinge ? 0.5 / c : 0;
        double upper = squaredHinge ? Double.POSITIVE_INFINITY : c;
        double[] w = new double[features + 1];
        double[] alpha = new double[rows];
        double[] qd = new double[rows];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            double squares = bias * bias;
            for (int f = 0, offset = i * features; f < features; f++) {
                squares += x[offset + f] * x[offset + f];
            }
            qd[i] = diagonal + squares;
            order[i] = i;
        }
        int active = rows;
        double projectedMaxOld = Double.POSITIVE_INFINITY;
        double projectedMinOld = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIter) {
            double projectedMax = Double.NEGATIVE_INFINITY;
            double projectedMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                swap(order, s, s + rng.nextInt(active - s));
            }
            for (int s = 0; s < active; s++) {
                int i = order[s];
                int offset = i * features;
                double margin = w[features] * bias;
                for (int f = 0; f < features; f++) {
                    margin += w[f] * x[offset + f];
                }
                double gradient = y[i] * margin - 1 + alpha[i] * diagonal;
                double projected = 0;
                if (alpha[i] == 0) {
                    if (gradient > projectedMaxOld) {
                        // At the lower bound and pushed further down: set aside for now.
                        active--;
                        swap(order, s, active);
                        s--;
                        continue;
                    }
                    if (gradient < 0) {
                        projected = gradient;
                    }
                } else if (alpha[i] == upper) {
                    if (gradient < projectedMinOld) {
                        active--;
                        swap(order, s, active);
                        s--;
                        continue;
                    }
                    if (gradient > 0) {
                        projected = gradient;
                    }
                } else {
                    projected = gradient;
                }
                projectedMax = Math.max(projectedMax, projected);
                projectedMin = Math.min(projectedMin, projected);
                if (Math.abs(projected) > 1.0e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - gradient / qd[i], 0.0), upper);
                    double step = (alpha[i] - old) * y[i];
                    for (int f = 0; f < features; f++) {
                        w[f] += step * x[offset + f];
                    }
                    w[features] += step * bias;
                }
            }
            iteration++;
            if (iteration % 10 == 0) {
                cancellationCheck.run();
            }
            if (projectedMax - projectedMin <= tol) {
                if (active == rows) {
                    converged = true;
                    break;
                }
                active = rows;
                projectedMaxOld = Double.POSITIVE_INFINITY;
                projectedMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            projectedMaxOld = projectedMax <= 0 ? Double.POSITIVE_INFINITY : projectedMax;
            projectedMinOld = projectedMin >= 0 ? Double.NEGATIVE_INFINITY : projectedMin;
        }
        double[] weights = intercept ? w : Arrays.copyOf(w, features);
        return new Solution(weights, iteration, converged);
    }

    private static void swap(int[] values, int i, int j) {
        int value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
