package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code ridge}: least squares with an L2 penalty, minimising ‖y − Xw − b‖² + alpha·‖w‖²
 * (the intercept b is not penalised), as scikit-learn's {@code Ridge}.
 *
 * @param alpha        the penalty strength, ≥ 0 (0 is ordinary least squares)
 * @param fitIntercept whether to learn an intercept (by centring the features and target)
 */
public record RidgeParams(
        @Doc("L2 penalty strength: minimise |y - Xw - b|^2 + alpha * |w|^2; 0 is ordinary least squares")
        @Default("1.0") @Min(0) double alpha,
        @Doc("Whether to learn an (unpenalised) intercept")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "alpha must be >= 0, got -1". */
    public RidgeParams {
        Params.atLeast("alpha", alpha, 0, false);
        if (Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
    }

    /** alpha 1.0, fit-intercept true (scikit-learn's defaults). */
    public static RidgeParams defaults() {
        return new RidgeParams(1.0, true);
    }

    /** These params with another alpha. */
    public RidgeParams withAlpha(double alpha) {
        return new RidgeParams(alpha, fitIntercept);
    }

    /** These params with or without an intercept. */
    public RidgeParams withFitIntercept(boolean fitIntercept) {
        return new RidgeParams(alpha, fitIntercept);
    }
}
