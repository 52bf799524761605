package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code batch-norm}, as PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}: each feature
 * (flat input) or channel (image input) is normalised by the batch's mean and biased variance in
 * training, and by the running estimates in inference, then scaled by gamma and shifted by beta.
 *
 * @param momentum weight of the new batch in the running estimates (PyTorch's convention:
 *                 running = (1 − momentum)·running + momentum·batch), in [0, 1]
 * @param eps      added to the variance before its square root, &gt; 0
 */
public record BatchNormParams(
        @Doc("Weight of each batch in the running mean and variance: running = (1-momentum)*running + momentum*batch")
        @Default("0.1") @Min(0) @Max(1) double momentum,
        @Doc("Added to the variance before the square root") @Default("1e-5") @Min(value = 0, exclusive = true) double eps) {

    /** Validates both params. */
    public BatchNormParams {
        Params.atLeast("momentum", momentum, 0, false);
        Params.atMost("momentum", momentum, 1, false);
        Params.atLeast("eps", eps, 0, true);
        if (Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite, got " + eps);
        }
    }

    /** PyTorch's defaults: momentum 0.1, eps 1e-5. */
    public static BatchNormParams defaults() {
        return new BatchNormParams(0.1, 1e-5);
    }
}
