package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Objects;

/**
 * The lasso, as scikit-learn's {@code Lasso}: least squares with an L1 penalty, fitted on centred
 * data by cyclic coordinate descent from zero weights, with scikit-learn's duality-gap stopping rule.
 * Deterministic: it draws no random numbers.
 *
 * <p>Each pass records {@code max-coef-change} (and {@code dual-gap} when it is computed) in the run
 * history, reports progress and honours cancellation.
 */
public final class Lasso implements Estimator<LinearModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "lasso";

    private final LassoParams params;

    /** An estimator with {@code params}. */
    public Lasso(LassoParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public LassoParams params() {
        return params;
    }

    /**
     * Fits on {@code data}: at least one row, finite features and a finite numeric target. Constant
     * features get weight 0.
     *
     * @throws IllegalArgumentException if the data do not meet those needs
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public LinearModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        RegressionProblem problem = RegressionProblem.of(NAME, data, params.fitIntercept());
        CoordinateDescent.Result result = CoordinateDescent.minimise(NAME, problem, params.alpha() * problem.rows, 0,
                params.maxIter(), params.tol(), context);
        return LinearModel.iterative(NAME, data.schema(), result.coef(), problem.intercept(result.coef()),
                result.iterations(), result.converged());
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
