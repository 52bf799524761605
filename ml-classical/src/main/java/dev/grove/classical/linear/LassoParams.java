package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code lasso}: least squares with an L1 penalty, minimising
 * (1/(2n))·‖y − Xw − b‖² + alpha·‖w‖₁ over n rows (the intercept b is not penalised), as
 * scikit-learn's {@code Lasso}.
 *
 * @param alpha        the penalty strength, &gt; 0; larger values set more weights to exactly zero
 * @param maxIter      coordinate-descent passes over the features at most, ≥ 1
 * @param tol          stop when the duality gap is below tol·‖y − mean(y)‖², &gt; 0
 * @param fitIntercept whether to learn an intercept (by centring the features and target)
 */
public record LassoParams(
        @Doc("L1 penalty strength: minimise |y - Xw - b|^2 / (2 * rows) + alpha * |w|_1; larger zeroes more weights")
        @Default("1.0") @Min(value = 0, exclusive = true) double alpha,
        @Doc("Maximum number of coordinate-descent passes over the features")
        @Default("1000") @Min(1) int maxIter,
        @Doc("Stop when the duality gap is below tol * |y - mean(y)|^2 (checked once a pass changes no weight by"
                + " more than tol relative to the largest)")
        @Default("1e-4") @Min(value = 0, exclusive = true) double tol,
        @Doc("Whether to learn an (unpenalised) intercept")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "alpha must be > 0, got 0". */
    public LassoParams {
        Params.atLeast("alpha", alpha, 0, true);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, true);
    }

    /** alpha 1.0, max-iter 1000, tol 1e-4, fit-intercept true (scikit-learn's defaults). */
    public static LassoParams defaults() {
        return new LassoParams(1.0, 1000, 1e-4, true);
    }

    /** These params with another alpha. */
    public LassoParams withAlpha(double alpha) {
        return new LassoParams(alpha, maxIter, tol, fitIntercept);
    }

    /** These params with another max-iter. */
    public LassoParams withMaxIter(int maxIter) {
        return new LassoParams(alpha, maxIter, tol, fitIntercept);
    }

    /** These params with another tol. */
    public LassoParams withTol(double tol) {
        return new LassoParams(alpha, maxIter, tol, fitIntercept);
    }

    /** These params with or without an intercept. */
    public LassoParams withFitIntercept(boolean fitIntercept) {
        return new LassoParams(alpha, maxIter, tol, fitIntercept);
    }
}
