package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code perceptron}, Rosenblatt's learning rule: after each misclassified row,
 * w ← w + eta·(y − ŷ)·x and b ← b + eta·(y − ŷ).
 *
 * @param eta     the learning rate, &gt; 0. Starting from zero weights every update is a multiple of
 *                eta, so eta scales the weights but never changes the predictions
 * @param maxIter passes (epochs) over the training rows at most, ≥ 1; training stops earlier after a
 *                pass without mistakes
 */
public record PerceptronParams(
        @Doc("Learning rate: each mistake adds eta * (y - prediction) * x to the weights; from zero weights it only scales them")
        @Default("1.0") @Min(value = 0, exclusive = true) double eta,
        @Doc("Maximum number of passes (epochs) over the rows; training stops after a pass without mistakes")
        @Default("1000") @Min(1) int maxIter) {

    /** Validates every param; a bad value throws naming it, e.g. "eta must be > 0, got 0". */
    public PerceptronParams {
        Params.atLeast("eta", eta, 0, true);
        if (Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be finite, got " + eta);
        }
        Params.atLeast("max-iter", maxIter, 1, false);
    }

    /** eta 1.0, max-iter 1000. */
    public static PerceptronParams defaults() {
        return new PerceptronParams(1.0, 1000);
    }

    /** These params with another eta. */
    public PerceptronParams withEta(double eta) {
        return new PerceptronParams(eta, maxIter);
    }

    /** These params with another max-iter. */
    public PerceptronParams withMaxIter(int maxIter) {
        return new PerceptronParams(eta, maxIter);
    }
}
