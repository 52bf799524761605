package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.linalg.Matrix;
import dev.grove.tensor.linalg.QR;
import dev.grove.tensor.linalg.Svd;
import java.util.Objects;

/**
 * Ordinary least squares, as scikit-learn's {@code LinearRegression}: the features and target are
 * centred (when fitting an intercept) and the slopes solved by Householder QR of the centred
 * features, the numerically sound way to solve the normal equations XᵀXw = Xᵀy without forming XᵀX.
 *
 * <p>Collinear features (a duplicated column, a constant one, more features than rows) have
 * infinitely many least-squares solutions; the fit then returns the one of minimum norm, from the
 * singular value decomposition, as scikit-learn's {@code lstsq} does, and records the numerical rank.
 */
public final class LinearRegression implements Estimator<LinearModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "linear-regression";

    private final LinearRegressionParams params;

    /** An estimator with {@code params}. */
    public LinearRegression(LinearRegressionParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public LinearRegressionParams params() {
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
        Matrix x = Matrix.fromRowMajor(problem.rows, problem.features, problem.x);
        double[] coef;
        int rank;
        QR qr = problem.rows >= problem.features ? QR.of(x) : null;
        if (qr != null && qr.isFullColumnRank()) {
            coef = qr.solve(problem.y);
            rank = problem.features;
        } else {
            Svd svd = Svd.of(x);
            coef = svd.solve(problem.y);
            rank = svd.rank();
        }
        context.progress().update(NAME, 1, 1, "rank " + rank + " of " + problem.features);
        return LinearModel.leastSquares(data.schema(), coef, problem.intercept(coef), rank);
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
