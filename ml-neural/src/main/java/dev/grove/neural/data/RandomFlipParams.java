package dev.grove.neural.data;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code random-flip} augmentation (see {@link RandomFlip}).
 *
 * @param p the probability that a sample is mirrored left to right
 */
public record RandomFlipParams(
        @Doc("Probability that each sample is mirrored left to right")
        @Default("0.5") @Min(0) @Max(1) double p) {

    /** Validates {@code p}. */
    public RandomFlipParams {
        Params.atLeast("p", p, 0, false);
        Params.atMost("p", p, 1, false);
    }

    /** The default: each sample flipped with probability 0.5. */
    public static RandomFlipParams defaults() {
        return new RandomFlipParams(0.5);
    }
}
