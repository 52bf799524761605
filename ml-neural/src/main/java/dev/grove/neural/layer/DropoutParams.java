package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code dropout}: during training each value is zeroed with probability p and the others
 * are scaled by 1 / (1 − p) (inverted dropout, as PyTorch), so inference needs no rescaling.
 *
 * @param p probability of zeroing a value, in [0, 1)
 */
public record DropoutParams(
        @Doc("Probability of zeroing each value during training") @Default("0.5") @Min(0) @Max(value = 1, exclusive = true)
        double p) {

    /** Validates p. */
    public DropoutParams {
        Params.atLeast("p", p, 0, false);
        Params.atMost("p", p, 1, true);
    }
}
