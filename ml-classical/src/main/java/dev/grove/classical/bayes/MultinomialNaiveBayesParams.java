package dev.grove.classical.bayes;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code multinomial-nb}.
 *
 * @param alpha    additive (Laplace/Lidstone) smoothing of the feature counts, ≥ 0; below 1e-10 it
 *                 counts as 1e-10, as in scikit-learn
 * @param fitPrior whether the class priors are the class frequencies (else uniform over the classes seen)
 */
public record MultinomialNaiveBayesParams(
        @Doc("Additive (Laplace/Lidstone) smoothing added to every feature count; values below 1e-10 count as 1e-10")
        @Default("1.0") @Min(0) double alpha,
        @Doc("Whether the class priors are the class frequencies of the training rows; if false, every class seen"
                + " in training is equally likely")
        @Default("true") boolean fitPrior) {

    /** Validates the params; a bad value throws naming it, e.g. "alpha must be >= 0, got -1". */
    public MultinomialNaiveBayesParams {
        Params.atLeast("alpha", alpha, 0, false);
        if (alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha must be a finite number, got Infinity");
        }
    }

    /** alpha 1.0, fit-prior true (scikit-learn's defaults). */
    public static MultinomialNaiveBayesParams defaults() {
        return new MultinomialNaiveBayesParams(1.0, true);
    }

    /** These params with another alpha. */
    public MultinomialNaiveBayesParams withAlpha(double alpha) {
        return new MultinomialNaiveBayesParams(alpha, fitPrior);
    }

    /** These params with or without fitted priors. */
    public MultinomialNaiveBayesParams withFitPrior(boolean fitPrior) {
        return new MultinomialNaiveBayesParams(alpha, fitPrior);
    }
}
