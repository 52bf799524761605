package dev.grove.classical.bayes;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code bernoulli-nb}.
 *
 * @param alpha    additive (Laplace/Lidstone) smoothing of the feature counts, ≥ 0; below 1e-10 it
 *                 counts as 1e-10, as in scikit-learn
 * @param binarize threshold: a feature is present (1) when its value is greater than this, else absent
 *                 (0); a negative value means the features are already 0 or 1 and are used as they are
 *                 (scikit-learn's {@code binarize=None}, since its thresholds are never negative)
 * @param fitPrior whether the class priors are the class frequencies (else uniform over the classes seen)
 */
public record BernoulliNaiveBayesParams(
        @Doc("Additive (Laplace/Lidstone) smoothing added to every feature count; values below 1e-10 count as 1e-10")
        @Default("1.0") @Min(0) double alpha,
        @Doc("Threshold: a feature is present (1) when its value is greater than this, else absent (0); a negative"
                + " value means the features are already 0 or 1 and are used as they are")
        @Default("0.0") double binarize,
        @Doc("Whether the class priors are the class frequencies of the training rows; if false, every class seen"
                + " in training is equally likely")
        @Default("true") boolean fitPrior) {

    /** Validates the params; a bad value throws naming it, e.g. "alpha must be >= 0, got -1". */
    public BernoulliNaiveBayesParams {
        Params.atLeast("alpha", alpha, 0, false);
        if (alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha must be a finite number, got Infinity");
        }
        if (!Double.isFinite(binarize)) {
            throw new IllegalArgumentException("binarize must be a finite number (a negative one for features that are"
                    + " already 0 or 1), got " + binarize);
        }
    }

    /** alpha 1.0, binarize 0.0, fit-prior true (scikit-learn's defaults). */
    public static BernoulliNaiveBayesParams defaults() {
        return new BernoulliNaiveBayesParams(1.0, 0.0, true);
    }

    /** These params with another alpha. */
    public BernoulliNaiveBayesParams withAlpha(double alpha) {
        return new BernoulliNaiveBayesParams(alpha, binarize, fitPrior);
    }

    /** These params with another binarize threshold (negative: the features are already 0 or 1). */
    public BernoulliNaiveBayesParams withBinarize(double binarize) {
        return new BernoulliNaiveBayesParams(alpha, binarize, fitPrior);
    }

    /** These params with or without fitted priors. */
    public BernoulliNaiveBayesParams withFitPrior(boolean fitPrior) {
        return new BernoulliNaiveBayesParams(alpha, binarize, fitPrior);
    }

    /** Whether the features are taken as already 0 or 1 (a negative threshold). */
    boolean alreadyBinary() {
        return binarize < 0;
    }
}
