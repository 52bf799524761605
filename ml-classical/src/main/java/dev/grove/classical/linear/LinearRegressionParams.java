package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;

/**
 * Params of {@code linear-regression}: ordinary least squares, minimising ‖y − Xw − b‖².
 *
 * @param fitIntercept whether to learn an intercept b (by centring the features and target)
 */
public record LinearRegressionParams(
        @Doc("Whether to learn an intercept; without one the fitted line passes through the origin")
        @Default("true") boolean fitIntercept) {

    /** fit-intercept true (scikit-learn's default). */
    public static LinearRegressionParams defaults() {
        return new LinearRegressionParams(true);
    }
}
