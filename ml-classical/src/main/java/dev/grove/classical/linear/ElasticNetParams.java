package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code elastic-net}: least squares with a mixed L1 and L2 penalty, minimising
 * (1/(2n))·‖y − Xw − b‖² + alpha·l1-ratio·‖w‖₁ + ½·alpha·(1 − l1-ratio)·‖w‖² over n rows (the
 * intercept b is not penalised), as scikit-learn's {@code ElasticNet}.
 *
 * @param alpha        the overall penalty strength, &gt; 0
 * @param l1Ratio      the L1 share of the penalty in [0, 1]: 1 is the lasso, 0 a ridge penalty (for which,
 *                     as in scikit-learn, the duality gap never falls below tol and the fit runs max-iter
 *                     passes; {@code ridge} solves that problem in closed form)
 * @param maxIter      coordinate-descent passes over the features at most, ≥ 1
 * @param tol          stop when the duality gap is below tol·‖y − mean(y)‖², &gt; 0
 * @param fitIntercept whether to learn an intercept (by centring the features and target)
 */
public record ElasticNetParams(
        @Doc("Overall penalty strength: minimise |y - Xw - b|^2 / (2 * rows) + alpha * l1-ratio * |w|_1"
                + " + alpha * (1 - l1-ratio) * |w|^2 / 2")
        @Default("1.0") @Min(value = 0, exclusive = true) double alpha,
        @Doc("The L1 share of the penalty: 1 is the lasso, 0 a pure L2 (ridge) penalty")
        @Default("0.5") @Min(0) @Max(1) double l1Ratio,
        @Doc("Maximum number of coordinate-descent passes over the features")
        @Default("1000") @Min(1) int maxIter,
        @Doc("Stop when the duality gap is below tol * |y - mean(y)|^2 (checked once a pass changes no weight by"
                + " more than tol relative to the largest)")
        @Default("1e-4") @Min(value = 0, exclusive = true) double tol,
        @Doc("Whether to learn an (unpenalised) intercept")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "l1-ratio must be <= 1, got 2". */
    public ElasticNetParams {
        Params.atLeast("alpha", alpha, 0, true);
        Params.atLeast("l1-ratio", l1Ratio, 0, false);
        Params.atMost("l1-ratio", l1Ratio, 1, false);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, true);
    }

    /** alpha 1.0, l1-ratio 0.5, max-iter 1000, tol 1e-4, fit-intercept true (scikit-learn's defaults). */
    public static ElasticNetParams defaults() {
        return new ElasticNetParams(1.0, 0.5, 1000, 1e-4, true);
    }

    /** These params with another alpha. */
    public ElasticNetParams withAlpha(double alpha) {
        return new ElasticNetParams(alpha, l1Ratio, maxIter, tol, fitIntercept);
    }

    /** These params with another l1-ratio. */
    public ElasticNetParams withL1Ratio(double l1Ratio) {
        return new ElasticNetParams(alpha, l1Ratio, maxIter, tol, fitIntercept);
    }

    /** These params with another max-iter. */
    public ElasticNetParams withMaxIter(int maxIter) {
        return new ElasticNetParams(alpha, l1Ratio, maxIter, tol, fitIntercept);
    }

    /** These params with another tol. */
    public ElasticNetParams withTol(double tol) {
        return new ElasticNetParams(alpha, l1Ratio, maxIter, tol, fitIntercept);
    }

    /** These params with or without an intercept. */
    public ElasticNetParams withFitIntercept(boolean fitIntercept) {
        return new ElasticNetParams(alpha, l1Ratio, maxIter, tol, fitIntercept);
    }
}
