package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.GramMatrix;
import dev.grove.tensor.linalg.Cholesky;
import dev.grove.tensor.linalg.Matrix;
import dev.grove.tensor.linalg.NotPositiveDefiniteException;
import dev.grove.tensor.linalg.Svd;
import java.util.Objects;

/**
 * Ridge regression, as scikit-learn's {@code Ridge} with its cholesky solver: on centred data the
 * slopes solve (XᵀX + alpha·I)·w = Xᵀy, factored by Cholesky.
 *
 * <p>When that matrix is singular or too close to it for Cholesky (alpha 0 with collinear features,
 * or an alpha tiny next to XᵀX), the fit solves the equivalent least-squares problem
 * [X; √alpha·I]·w ≈ [y; 0] by singular value decomposition instead, taking the minimum-norm solution
 * when there are many — a least-squares answer, not an error.
 */
public final class Ridge implements Estimator<LinearModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "ridge";

    private final RidgeParams params;

    /** An estimator with {@code params}. */
    public Ridge(RidgeParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public RidgeParams params() {
        return params;
    }

    /**
     * Fits on {@code data}: at least one row, finite features and a finite numeric target.
     *
     * @throws IllegalArgumentException if the data do not meet those needs
     */
    @Override
    public LinearModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        RegressionProblem problem = RegressionProblem.of(NAME, data, params.fitIntercept());
        int features = problem.features;
        double[] system = GramMatrix.of(problem.x, problem.rows, features, context.threads() > 1);
        for (int j = 0; j < features; j++) {
            system[j * features + j] += params.alpha();
        }
        double[] xty = new double[features];
        for (int i = 0; i < problem.rows; i++) {
            int offset = i * features;
            double yi = problem.y[i];
            for (int j = 0; j < features; j++) {
                xty[j] += problem.x[offset + j] * yi;
            }
        }
        double[] coef;
        try {
            coef = Cholesky.of(Matrix.fromRowMajor(features, features, system)).solve(xty);
        } catch (NotPositiveDefiniteException singular) {
            coef = augmentedLeastSquares(problem);
        }
        context.progress().update(NAME, 1, 1, "solved");
        return LinearModel.closedForm(NAME, data.schema(), coef, problem.intercept(coef));
    }

    /** The minimum-norm solution of [X; √alpha·I]·w ≈ [y; 0], whose normal equations are the ridge system. */
    private double[] augmentedLeastSquares(RegressionProblem problem) {
        int rows = problem.rows;
        int features = problem.features;
        double[] stacked = new double[(rows + features) * features];
        System.arraycopy(problem.x, 0, stacked, 0, rows * features);
        double root = Math.sqrt(params.alpha());
        for (int j = 0; j < features; j++) {
            stacked[(rows + j) * features + j] = root;
        }
        double[] target = new double[rows + features];
        System.arraycopy(problem.y, 0, target, 0, rows);
        return Svd.of(Matrix.fromRowMajor(rows + features, features, stacked)).solve(target);
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
