package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code layer-norm}, as PyTorch's {@code LayerNorm(normalized_shape = last dimension)}:
 * each sample is normalised over its last axis by its own mean and biased variance, then scaled by
 * gamma and shifted by beta (both of the last axis's size).
 *
 * @param eps added to the variance before its square root, &gt; 0
 */
public record LayerNormParams(
        @Doc("Added to the variance before the square root") @Default("1e-5") @Min(value = 0, exclusive = true) double eps) {

    /** Validates eps. */
    public LayerNormParams {
        Params.atLeast("eps", eps, 0, true);
        if (Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite, got " + eps);
        }
    }
}
