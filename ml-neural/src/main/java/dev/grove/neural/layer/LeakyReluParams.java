package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code leaky-relu} layer: x for x &gt; 0, else slope·x.
 *
 * @param slope the slope for negative inputs, in [0, 1) (PyTorch's default 0.01)
 */
public record LeakyReluParams(
        @Doc("Slope for negative inputs (x < 0 gives slope * x)")
        @Default("0.01") @Min(0) @Max(value = 1, exclusive = true) double slope) {

    /** Validates the slope. */
    public LeakyReluParams {
        Params.atLeast("slope", slope, 0, false);
        Params.atMost("slope", slope, 1, true);
    }
}
