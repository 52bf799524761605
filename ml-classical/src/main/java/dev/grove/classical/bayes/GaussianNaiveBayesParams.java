package dev.grove.classical.bayes;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code gaussian-nb}.
 *
 * @param varSmoothing share of the largest feature variance of the training data added to every
 *                     per-class variance, ≥ 0 (scikit-learn's {@code var_smoothing})
 */
public record GaussianNaiveBayesParams(
        @Doc("Share of the largest feature variance of the training data added to every per-class variance, for stability")
        @Default("1e-9") @Min(0) double varSmoothing) {

    /** Validates the param; a bad value throws naming it, e.g. "var-smoothing must be >= 0, got -1". */
    public GaussianNaiveBayesParams {
        Params.atLeast("var-smoothing", varSmoothing, 0, false);
    }

    /** var-smoothing 1e-9 (scikit-learn's default). */
    public static GaussianNaiveBayesParams defaults() {
        return new GaussianNaiveBayesParams(1e-9);
    }
}
