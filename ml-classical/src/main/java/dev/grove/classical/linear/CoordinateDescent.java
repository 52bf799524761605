package dev.grove.classical.linear;

import dev.grove.api.run.RunContext;
import java.util.Locale;
import java.util.Map;

/**
 * Cyclic coordinate descent for the elastic net, step for step as scikit-learn's
 * {@code enet_coordinate_descent}: it minimises ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖², which is n times
 * scikit-learn's stated objective (1/(2n))‖y − Xw‖² + alpha·l1-ratio·‖w‖₁ + ½·alpha·(1 − l1-ratio)·‖w‖²
 * with l1 = n·alpha·l1-ratio and l2 = n·alpha·(1 − l1-ratio).
 *
 * <p>Each pass updates every coordinate in turn by soft-thresholding against the current residual.
 * When a pass changes no weight by more than tol × the largest weight (or at the last pass), the
 * duality gap is computed; the fit stops once it is below tol·‖y‖².
 */
final class CoordinateDescent {

    /**
     * The outcome of a fit.
     *
     * @param coef       the weights
     * @param iterations passes over the features made
     * @param dualGap    the last duality gap computed
     * @param converged  whether the gap fell below the tolerance
     */
    record Result(double[] coef, int iterations, double dualGap, boolean converged) {
    }

    private CoordinateDescent() {
    }

    /**
     * Minimises the objective above over w, starting from zero, for the (already centred) problem.
     *
     * @param component the component name, for progress and history
     */
    static Result minimise(String component, RegressionProblem problem, double l1, double l2, int maxIter, double tol,
                           RunContext context) {
        int rows = problem.rows;
        int features = problem.features;
        double[] columns = problem.columns();
        double[] y = problem.y;
        double[] w = new double[features];
        double[] squaredNorms = new double[features];
        for (int j = 0; j < features; j++) {
            squaredNorms[j] = dot(columns, j * rows, columns, j * rows, rows);
        }
        double[] residual = y.clone();
        double yNorm2 = dot(y, 0, y, 0, rows);
        if (yNorm2 == 0) {
            // A constant target: w = 0 fits it exactly, and the gap test (gap < 0) could never pass.
            return new Result(w, 0, 0, true);
        }
        double gapTolerance = tol * yNorm2;
        double gap = Double.POSITIVE_INFINITY;
        double[] correlations = new double[features];
        for (int iteration = 0; iteration < maxIter; iteration++) {
            context.checkCancelled();
            double largestWeight = 0;
            double largestChange = 0;
            for (int j = 0; j < features; j++) {
                if (squaredNorms[j] == 0) {
                    continue;
                }
                int column = j * rows;
                double previous = w[j];
                if (previous != 0) {
                    axpy(previous, columns, column, residual, rows);
                }
                double rho = dot(columns, column, residual, 0, rows);
                w[j] = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (squaredNorms[j] + l2);
                if (w[j] != 0) {
                    axpy(-w[j], columns, column, residual, rows);
                }
                largestChange = Math.max(largestChange, Math.abs(w[j] - previous));
                largestWeight = Math.max(largestWeight, Math.abs(w[j]));
            }
            boolean check = largestWeight == 0 || largestChange / largestWeight < tol || iteration == maxIter - 1;
            if (check) {
                gap = dualityGap(columns, rows, features, y, residual, w, correlations, l1, l2);
            }
            context.recordHistory(iteration + 1, check
                    ? Map.of("max-coef-change", largestChange, "dual-gap", gap)
                    : Map.of("max-coef-change", largestChange));
            context.progress().update(component, iteration + 1, maxIter,
                    String.format(Locale.ROOT, "max coef change %.3g", largestChange));
            if (check && gap < gapTolerance) {
                return new Result(w, iteration + 1, gap, true);
            }
        }
        return new Result(w, maxIter, gap, false);
    }

    /**
     * The duality gap of scikit-learn's elastic-net dual: the residual is scaled into the dual feasible
     * set when some |Xᵀr − l2·w| exceeds l1.
     */
    private static double dualityGap(double[] columns, int rows, int features, double[] y, double[] residual, double[] w,
                                     double[] correlations, double l1, double l2) {
        double dualNorm = 0;
        for (int j = 0; j < features; j++) {
            correlations[j] = dot(columns, j * rows, residual, 0, rows) - l2 * w[j];
            dualNorm = Math.max(dualNorm, Math.abs(correlations[j]));
        }
        double residualNorm2 = dot(residual, 0, residual, 0, rows);
        double weightNorm2 = dot(w, 0, w, 0, features);
        double scale;
        double gap;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * (residualNorm2 + residualNorm2 * scale * scale);
        } else {
            scale = 1;
            gap = residualNorm2;
        }
        double l1Norm = 0;
        for (double weight : w) {
            l1Norm += Math.abs(weight);
        }
        return gap + l1 * l1Norm - scale * dot(residual, 0, y, 0, rows) + 0.5 * l2 * (1 + scale * scale) * weightNorm2;
    }

    /** Σ a[ao + i]·b[bo + i] over n terms, in four interleaved partial sums. */
    private static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += alpha·x[xo .. xo + n). */
    private static void axpy(double alpha, double[] x, int xo, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[xo + i];
        }
    }
}
